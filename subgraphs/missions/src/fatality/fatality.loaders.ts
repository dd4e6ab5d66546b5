import DataLoader from 'dataloader';
import { and, asc, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
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
