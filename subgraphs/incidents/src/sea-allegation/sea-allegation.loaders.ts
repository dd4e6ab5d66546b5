import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { seaAllegationCells as cells } from './sea-allegation-rollup.table';
import { seaAllegations, type SeaAllegationRow } from './sea-allegation.table';
import { SeaAllegation } from './sea-allegation.type';

/** A page of the allegations the caller may see (SQL-scoped), by id. */
export function listSeaAllegations(db: Db, access: Access, missionId: string | null | undefined, after: string | null, limit: number): Promise<SeaAllegationRow[]> {
  const conditions: (SQL | undefined)[] = [rowFilter(access, SeaAllegation, seaAllegations)];
  if (missionId) conditions.push(eq(seaAllegations.missionId, missionId.toUpperCase()));
  return pageInIdOrder(db, seaAllegations, conditions, after, limit);
}

/**
 * Every allegation counted per mission × year, whoever asks (the resolver suppresses small counts):
 * summed from the rollup and its pending deltas (sea_allegation_cells), never the allegations.
 */
export function seaAllegationCounts(db: Db, missionId: string | null | undefined): Promise<{ missionId: string; year: number; allegations: number }[]> {
  return seaAllegationCountsQuery(db, missionId);
}

/** seaAllegationCounts' statement, unsent (tests EXPLAIN it). */
export function seaAllegationCountsQuery(db: Db, missionId: string | null | undefined) {
  return db
    .select({ missionId: cells.missionId, year: cells.year, allegations: sql<number>`sum(${cells.allegations})::int` })
    .from(cells)
    .where(missionId ? eq(cells.missionId, missionId.toUpperCase()) : undefined)
    .groupBy(cells.missionId, cells.year)
    .having(sql`sum(${cells.allegations}) > 0`)
    .orderBy(asc(cells.missionId), asc(cells.year));
}
