import DataLoader from 'dataloader';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db } from '@peacegraph/kit';
import { Indicator, Measurement } from './indicator.type';
import { indicators, measurements, type IndicatorRow, type MeasurementRow } from './indicator.table';

/**
 * One indicator of this mission, or null (an unknown id and another mission's id look the same).
 * Unscoped: only a mission's own headquarters asks, for a write (authz.ts).
 */
export async function indicatorOfMission(db: Db, id: string, missionId: string): Promise<IndicatorRow | null> {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.id, id), eq(indicators.missionId, missionId)));
  return row ?? null;
}

/** The id of the indicator's measurement on that date, if it has one. */
export async function measurementIdOn(db: Db, indicatorId: string, measuredOn: string): Promise<string | null> {
  const [row] = await db.select({ id: measurements.id }).from(measurements).where(and(eq(measurements.indicatorId, indicatorId), eq(measurements.measuredOn, measuredOn)));
  return row?.id ?? null;
}

/** One measurement by id, uncached: a write reads back the row it has just written. */
export async function measurementRowById(db: Db, id: string): Promise<MeasurementRow | null> {
  const [row] = await db.select().from(measurements).where(eq(measurements.id, id));
  return row ?? null;
}

/** Indicators of each mandate task within the caller's UN_INTERNAL scope: one statement per batch of tasks. */
export function indicatorsByTaskLoader(db: Db, access: Access) {
  return new DataLoader<string, IndicatorRow[]>(async (taskIds) => {
    const rows = await db
      .select()
      .from(indicators)
      .where(and(rowFilter(access, Indicator, indicators), inArray(indicators.mandateTaskId, [...taskIds])))
      .orderBy(asc(indicators.id));
    return taskIds.map((id) => rows.filter((row) => row.mandateTaskId === id));
  });
}

/** Indicators of each mission within the caller's scope: one statement per batch of missions. */
export function indicatorsByMissionLoader(db: Db, access: Access) {
  return new DataLoader<string, IndicatorRow[]>(async (missionIds) => {
    const rows = await db
      .select()
      .from(indicators)
      .where(and(rowFilter(access, Indicator, indicators), inArray(indicators.missionId, [...missionIds])))
      .orderBy(asc(indicators.mandateTaskId), asc(indicators.id));
    return missionIds.map((id) => rows.filter((row) => row.missionId === id));
  });
}

/** Measurements of each indicator, oldest first, within scope: one statement per batch of indicators. */
export function measurementsByIndicatorLoader(db: Db, access: Access) {
  return new DataLoader<string, MeasurementRow[]>(async (indicatorIds) => {
    const scope: SQL = rowFilter(access, Measurement, measurements);
    const rows = await db
      .select()
      .from(measurements)
      .where(and(scope, inArray(measurements.indicatorId, [...indicatorIds])))
      .orderBy(asc(measurements.measuredOn));
    return indicatorIds.map((id) => rows.filter((row) => row.indicatorId === id));
  });
}

/** Indicators by id within scope: one statement per batch. */
export function indicatorByIdLoader(db: Db, access: Access) {
  return new DataLoader<string, IndicatorRow | null>(async (ids) => {
    const rows = await db
      .select()
      .from(indicators)
      .where(and(rowFilter(access, Indicator, indicators), inArray(indicators.id, [...ids])));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
