import { eq } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { missions, type MissionRow } from './mission.table';
import { MissionStatus } from './mission.type';

/** The mission, locked until the transaction ends: two closings of one mission are serialised. */
export async function lockMission(tx: Db, id: string): Promise<MissionRow | null> {
  const [row] = await tx.select().from(missions).where(eq(missions.id, id)).for('update');
  return row ?? null;
}

export async function markMissionClosed(tx: Db, id: string, endDate: string): Promise<void> {
  await tx.update(missions).set({ status: MissionStatus.CLOSED, endDate }).where(eq(missions.id, id));
}
