import DataLoader from 'dataloader';
import { and, asc, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { ddrFigures as t, type DdrFigureRow } from './ddr.table';

/** DDR figures of many missions, one statement per batch. */
export function ddrByMissionLoader(db: Db) {
  return new DataLoader<string, DdrFigureRow[]>(async (ids) => {
    const rows = await db.select().from(t).where(inArray(t.missionId, [...ids])).orderBy(asc(t.periodStart), asc(t.adminAreaPcode));
    return ids.map((id) => rows.filter((r) => r.missionId === id));
  });
}

export function listDdrFigures(db: Db, filter: { missionId?: string | null; adminAreaPcode?: string | null }): Promise<DdrFigureRow[]> {
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(t.missionId, filter.missionId));
  if (filter.adminAreaPcode) conditions.push(like(t.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  return db
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(asc(t.missionId), asc(t.periodStart), asc(t.adminAreaPcode));
}
