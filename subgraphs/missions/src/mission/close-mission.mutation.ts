import { eq } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import type { MissionsContext } from '../loaders';
import { isoDate } from '../validate';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { CloseMissionInput } from './mission-close.inputs';
import { missions } from './mission.table';
import { Mission, MissionStatus } from './mission.type';

@Resolver(() => Mission)
export class CloseMissionMutation {
  /** Role-gated (see authz.ts), validated, one transaction, idempotent by clientKey. */
  @Classified(DataClass.PUBLIC)
  @Mutation(() => Mission, { description: 'Mark a mission CLOSED with its end date. Mission headquarters or DPO only. Retrying with the same clientKey returns the first result.' })
  async closeMission(@Ctx() ctx: MissionsContext, @Arg('input', () => CloseMissionInput) input: CloseMissionInput): Promise<Mission> {
    const missionId = input.missionId.trim().toUpperCase();
    assertMayWrite(ctx.identity, 'closeMission', { missionId });
    const endDate = isoDate('input.endDate', input.endDate);
    const { result } = await idempotent(
      ctx.db,
      writeReceipts,
      { organizationId: ctx.identity.organizationId, clientKey: input.clientKey, operation: 'closeMission', input },
      async (tx) => {
        // FOR UPDATE: two different keys closing the same mission at once are serialised here.
        const [mission] = await tx.select().from(missions).where(eq(missions.id, missionId)).for('update');
        if (!mission) throw badInput('input.missionId', `no mission ${missionId}.`);
        if (mission.status === MissionStatus.CLOSED) throw badInput('input.missionId', `${missionId} is already closed (end date ${mission.endDate ?? 'unknown'}).`);
        if (mission.startDate && endDate < mission.startDate) throw badInput('input.endDate', `must not be before the mission's start (${mission.startDate}).`);
        await tx.update(missions).set({ status: MissionStatus.CLOSED, endDate }).where(eq(missions.id, missionId));
        return { id: missionId, status: MissionStatus.CLOSED, endDate, previousStatus: mission.status };
      },
    );
    const [saved] = await ctx.db.select().from(missions).where(eq(missions.id, result.id));
    return saved as Mission;
  }
}
