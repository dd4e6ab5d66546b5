import DataLoader from 'dataloader';
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { fatalities } from './fatality.table';

const year = sql<number>`extract(year from ${fatalities.incidentDate})::int`;

export interface FatalityStatisticRow {
  missionId: string;
  year: number;
  incidentType: string;
  fatalities: number;
}

/** Fatalities grouped by mission × year × incident type, one statement. */
export function fatalityStatistics(db: Db, filter: { missionId?: string | null; fromYear?: number | null; toYear?: number | null }): Promise<FatalityStatisticRow[]> {
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(fatalities.missionId, filter.missionId));
  if (filter.fromYear) conditions.push(gte(year, filter.fromYear));
  if (filter.toYear) conditions.push(lte(year, filter.toYear));
  return db
    .select({ missionId: fatalities.missionId, year, incidentType: fatalities.incidentType, fatalities: count() })
    .from(fatalities)
    .where(and(...conditions))
    .groupBy(fatalities.missionId, year, fatalities.incidentType)
    .orderBy(asc(fatalities.missionId), asc(year), asc(fatalities.incidentType));
}

/** Total fatalities per mission, one statement per batch. */
export function fatalityCountByMissionLoader(db: Db) {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await db
      .select({ missionId: fatalities.missionId, n: count() })
      .from(fatalities)
      .where(inArray(fatalities.missionId, [...ids]))
      .groupBy(fatalities.missionId);
    const byId = new Map(rows.map((r) => [r.missionId, r.n]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}

export interface FatalityListFilter {
  missionId?: string | null;
  year?: number | null;
  incidentType?: string | null;
  nationalityIso3?: string | null;
}

/** The keyset of the fatality list: newest first, casualty id breaking ties. */
export function fatalityCursorKey(row: { incidentDate: string; casualtyId: string }): string {
  return `${row.incidentDate}|${row.casualtyId}`;
}

/** A page of fatalities, newest first (keyset on incident date + casualty id: stable under inserts). */
export function listFatalities(db: Db, filter: FatalityListFilter, after: { date: string; id: string } | null, limit: number) {
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(fatalities.missionId, filter.missionId.toUpperCase()));
  if (filter.year) conditions.push(eq(year, filter.year));
  if (filter.incidentType) conditions.push(eq(fatalities.incidentType, filter.incidentType));
  if (filter.nationalityIso3) conditions.push(eq(fatalities.nationalityIso3, filter.nationalityIso3.toUpperCase()));
  if (after) conditions.push(sql`(${fatalities.incidentDate}, ${fatalities.casualtyId}) < (${after.date}, ${after.id})`);
  return db
    .select()
    .from(fatalities)
    .where(and(...conditions))
    .orderBy(desc(fatalities.incidentDate), desc(fatalities.casualtyId))
    .limit(limit + 1);
}
