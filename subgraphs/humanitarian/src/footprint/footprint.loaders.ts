import DataLoader from 'dataloader';
import { and, count, inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { escortRequests as t } from '../escort-request/escort-request.table';

/** Open escort requests per mission, one grouped statement per batch. */
export function openEscortCountByMissionLoader(db: Db) {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await db
      .select({ missionId: t.missionId, n: count() })
      .from(t)
      .where(and(inArray(t.missionId, [...ids]), inArray(t.status, ['REQUESTED', 'APPROVED'])))
      .groupBy(t.missionId);
    const byId = new Map(rows.map((r) => [r.missionId, Number(r.n)]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}
