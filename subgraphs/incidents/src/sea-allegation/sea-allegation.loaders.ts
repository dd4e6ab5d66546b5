import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { seaAllegations, type SeaAllegationRow } from './sea-allegation.table';
import { SeaAllegation } from './sea-allegation.type';

const year = sql<number>`extract(year from ${seaAllegations.reportedOn})::int`;

/** A page of the allegations the caller may see (SQL-scoped), by id. */
export function listSeaAllegations(db: Db, access: Access, missionId: string | null | undefined, after: string | null, limit: number): Promise<SeaAllegationRow[]> {
  const conditions: (SQL | undefined)[] = [rowFilter(access, SeaAllegation, seaAllegations)];
  if (missionId) conditions.push(eq(seaAllegations.missionId, missionId.toUpperCase()));
  return pageInIdOrder(db, seaAllegations, conditions, after, limit);
}

/** Every allegation counted per mission × year, whoever asks (the resolver suppresses small counts). */
export function seaAllegationCounts(db: Db, missionId: string | null | undefined): Promise<{ missionId: string; year: number; allegations: number }[]> {
  return db
    .select({ missionId: seaAllegations.missionId, year, allegations: count() })
    .from(seaAllegations)
    .where(missionId ? eq(seaAllegations.missionId, missionId.toUpperCase()) : undefined)
    .groupBy(seaAllegations.missionId, year)
    .orderBy(asc(seaAllegations.missionId), asc(year));
}
