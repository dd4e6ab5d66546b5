import { eq } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, conflict, DataClass, idempotent } from '@peacegraph/kit';
import { authorizedStrengths } from '../authorized-strength/authorized-strength.table';
import { assertMayWrite } from '../authz';
import type { MissionsContext } from '../loaders';
import { mandateTasks } from '../mandate-task/mandate-task.table';
import { missions } from '../mission/mission.table';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { RecordResolutionInput } from './resolution.inputs';
import { securityCouncilResolutions } from './resolution.table';
import { SecurityCouncilResolution } from './resolution.type';
import { validateResolutionInput } from './resolution.validate';

@Resolver(() => SecurityCouncilResolution)
export class RecordResolutionMutation {
  /** Role-gated (see authz.ts), validated, one transaction, idempotent by clientKey. */
  @Classified(DataClass.PUBLIC)
  @Mutation(() => SecurityCouncilResolution, {
    description: 'Record a resolution on a mission (e.g. a renewal) with its tasks and ceilings. Mission headquarters or DPO only. Retrying with the same clientKey returns the first result.',
  })
  async recordResolution(
    @Ctx() ctx: MissionsContext,
    @Arg('input', () => RecordResolutionInput) input: RecordResolutionInput,
  ): Promise<SecurityCouncilResolution> {
    const missionId = input.missionId.trim().toUpperCase();
    assertMayWrite(ctx.identity, 'recordResolution', { missionId });
    const valid = validateResolutionInput(input);
    const { result } = await idempotent(
      ctx.db,
      writeReceipts,
      { organizationId: ctx.identity.organizationId, clientKey: input.clientKey, operation: 'recordResolution', input },
      async (tx) => {
        const [mission] = await tx.select().from(missions).where(eq(missions.id, missionId));
        if (!mission) throw badInput('input.missionId', `no mission ${missionId}.`);
        if (mission.status === 'CLOSED') throw badInput('input.missionId', `${missionId} is closed; its mandate cannot change.`);
        const [existing] = await tx
          .select({ symbol: securityCouncilResolutions.symbol })
          .from(securityCouncilResolutions)
          .where(eq(securityCouncilResolutions.symbol, valid.symbol));
        if (existing) throw conflict('input.symbol', `${valid.symbol} is already recorded.`);
        const { tasks, strengths, ...resolution } = valid;
        await tx.insert(securityCouncilResolutions).values({ ...resolution, source: 'recorded', recordedBy: ctx.identity.subject });
        if (tasks.length > 0) {
          await tx.insert(mandateTasks).values(
            tasks.map((task, i) => ({ ...task, id: `${valid.symbol}#${i + 1}`, position: i + 1, resolutionSymbol: valid.symbol, missionId })),
          );
        }
        if (strengths.length > 0) {
          await tx.insert(authorizedStrengths).values(strengths.map((s) => ({ ...s, resolutionSymbol: valid.symbol, missionId })));
        }
        return { id: valid.symbol, tasks: tasks.length, authorizedStrengths: strengths.length };
      },
      { uniqueField: 'input.symbol' },
    );
    const [saved] = await ctx.db.select().from(securityCouncilResolutions).where(eq(securityCouncilResolutions.symbol, result.id));
    return saved as SecurityCouncilResolution;
  }
}
