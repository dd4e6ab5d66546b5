import { and, asc, eq, gte, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Access, Db } from '@peacegraph/kit';
import { incidentScope } from '../incident/incident.filter';
import { incidents } from '../incident/incident.table';
import { IncidentLocalType } from '../taxonomy/taxonomy';
import type { IncidentStatisticsFilterInput } from './statistics.type';

const month = sql<string>`to_char(${incidents.eventDate}, 'YYYY-MM')`;
const unrefuted = ne(incidents.verificationStatus, 'REFUTED');

/** A cell's measure with refuted incidents left out and with them in, each also as the part the caller may list row by row. */
export interface CellMeasure {
  unrefuted: number;
  all: number;
  visibleUnrefuted: number;
  visibleAll: number;
}

export interface IncidentStatisticRow {
  missionId: string;
  adminAreaPcode: string;
  month: string;
  eventType: string;
  events: CellMeasure;
  fatalities: CellMeasure;
}

/** count(*) / sum(fatalities) over the four parts a cell's disclosure decision needs. */
function measures(access: Access) {
  const visible = incidentScope(access);
  const n = (where: SQL) => sql<number>`(count(*) filter (where ${where}))::int`;
  const f = (where: SQL) => sql<number>`(coalesce(sum(${incidents.fatalities}) filter (where ${where}), 0))::int`;
  const both = and(unrefuted, visible)!;
  return {
    eUnrefuted: n(unrefuted),
    eAll: sql<number>`count(*)::int`,
    eVisibleUnrefuted: n(both),
    eVisibleAll: n(visible),
    fUnrefuted: f(unrefuted),
    fAll: sql<number>`(coalesce(sum(${incidents.fatalities}), 0))::int`,
    fVisibleUnrefuted: f(both),
    fVisibleAll: f(visible),
  };
}

/**
 * The canonical table mission × area × month × event type, one statement. Only filters that
 * select whole cells are applied (mission, event type, months, the grouping area's p-code), so
 * a cell's numbers — and the disclosure decision made on them — never depend on the filter.
 */
export async function incidentStatistics(db: Db, access: Access, filter: IncidentStatisticsFilterInput): Promise<IncidentStatisticRow[]> {
  const area = filter.adminLevel === 1 ? incidents.admin1Pcode : incidents.adminAreaPcode;
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(incidents.missionId, filter.missionId.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(area, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.fromMonth) conditions.push(gte(month, filter.fromMonth));
  if (filter.toMonth) conditions.push(lte(month, filter.toMonth));
  if (filter.eventType) conditions.push(eq(incidents.eventType, filter.eventType));
  const rows = await db
    .select({ missionId: incidents.missionId, adminAreaPcode: area, month, eventType: incidents.eventType, ...measures(access) })
    .from(incidents)
    .where(and(...conditions))
    .groupBy(incidents.missionId, area, month, incidents.eventType)
    .orderBy(asc(incidents.missionId), asc(area), asc(month), asc(incidents.eventType));
  return rows.map((r) => ({
    missionId: r.missionId,
    adminAreaPcode: r.adminAreaPcode,
    month: r.month,
    eventType: r.eventType,
    events: { unrefuted: r.eUnrefuted, all: r.eAll, visibleUnrefuted: r.eVisibleUnrefuted, visibleAll: r.eVisibleAll },
    fatalities: { unrefuted: r.fUnrefuted, all: r.fAll, visibleUnrefuted: r.fVisibleUnrefuted, visibleAll: r.fVisibleAll },
  }));
}

export interface CeasefireViolationRow {
  missionId: string;
  agreement: string;
  month: string;
  violations: number;
  visibleViolations: number;
  fatalities: number;
  visibleFatalities: number;
}

/** Ceasefire violations per mission × agreement × month (refuted reports never count), one statement. */
export function ceasefireViolations(db: Db, access: Access, missionId?: string | null, agreement?: string | null): Promise<CeasefireViolationRow[]> {
  const conditions: SQL[] = [eq(incidents.localType, IncidentLocalType.CEASEFIRE_VIOLATION), unrefuted];
  if (missionId) conditions.push(eq(incidents.missionId, missionId.toUpperCase()));
  if (agreement) conditions.push(eq(incidents.violatedAgreement, agreement));
  const agreementColumn = sql<string>`coalesce(${incidents.violatedAgreement}, '')`;
  const visible = incidentScope(access);
  return db
    .select({
      missionId: incidents.missionId,
      agreement: agreementColumn,
      month,
      violations: sql<number>`count(*)::int`,
      visibleViolations: sql<number>`(count(*) filter (where ${visible}))::int`,
      fatalities: sql<number>`(coalesce(sum(${incidents.fatalities}), 0))::int`,
      visibleFatalities: sql<number>`(coalesce(sum(${incidents.fatalities}) filter (where ${visible}), 0))::int`,
    })
    .from(incidents)
    .where(and(...conditions))
    .groupBy(incidents.missionId, agreementColumn, month)
    .orderBy(asc(incidents.missionId), asc(agreementColumn), asc(month));
}
