import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, conflict, DataClass, idempotent } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import type { MissionsContext } from '../loaders';
import { missionRowById } from '../mission/mission.loaders';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { RecordResolutionInput } from './resolution.inputs';
import { resolutionRowBySymbol } from './resolution.loaders';
import { SecurityCouncilResolution } from './resolution.type';
import { validateResolutionInput } from './resolution.validate';
import { insertResolution } from './resolution.writes';

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
        const mission = await missionRowById(tx, missionId);
        if (!mission) throw badInput('input.missionId', `no mission ${missionId}.`);
        if (mission.status === 'CLOSED') throw badInput('input.missionId', `${missionId} is closed; its mandate cannot change.`);
        if (await resolutionRowBySymbol(tx, valid.symbol)) throw conflict('input.symbol', `${valid.symbol} is already recorded.`);
        const { tasks, strengths, ...resolution } = valid;
        await insertResolution(tx, {
          resolution: { ...resolution, source: 'recorded', recordedBy: ctx.identity.subject },
          tasks: tasks.map((task, i) => ({ ...task, id: `${valid.symbol}#${i + 1}`, position: i + 1, resolutionSymbol: valid.symbol, missionId })),
          strengths: strengths.map((s) => ({ ...s, resolutionSymbol: valid.symbol, missionId })),
        });
        return { id: valid.symbol, tasks: tasks.length, authorizedStrengths: strengths.length };
      },
      { uniqueField: 'input.symbol' },
    );
    return (await resolutionRowBySymbol(ctx.db, result.id)) as SecurityCouncilResolution;
  }
}
