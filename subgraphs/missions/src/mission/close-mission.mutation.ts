import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import type { MissionsContext } from '../loaders';
import { isoDate } from '../validate';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { CloseMissionInput } from './mission-close.inputs';
import { missionRowById } from './mission.loaders';
import { Mission, MissionStatus } from './mission.type';
import { lockMission, markMissionClosed } from './mission.writes';

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
        const mission = await lockMission(tx, missionId);
        if (!mission) throw badInput('input.missionId', `no mission ${missionId}.`);
        if (mission.status === MissionStatus.CLOSED) throw badInput('input.missionId', `${missionId} is already closed (end date ${mission.endDate ?? 'unknown'}).`);
        if (mission.startDate && endDate < mission.startDate) throw badInput('input.endDate', `must not be before the mission's start (${mission.startDate}).`);
        await markMissionClosed(tx, missionId, endDate);
        return { id: missionId, status: MissionStatus.CLOSED, endDate, previousStatus: mission.status };
      },
    );
    return (await missionRowById(ctx.db, result.id)) as Mission;
  }
}
