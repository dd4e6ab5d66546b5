import { and, asc, eq, gte, like, lte, not, sql, type SQL } from 'drizzle-orm';
import type { Access, Db } from '@peacegraph/kit';
import { incidentScope } from '../incident/incident.filter';
import { IncidentLocalType } from '../taxonomy/taxonomy';
import { incidentRollup as rollup } from './statistics.table';
import type { IncidentStatisticsFilterInput } from './statistics.type';

// Both aggregates read the rollup (one row per cell × reporter × refuted), never the incidents
// themselves: its cost follows the number of cells, not of events. The caller's row scope is the
// incidents' own rule applied to the rollup's copies of the columns it reads.
const unrefuted = not(rollup.refuted);

/** sum(column) over the cell's rollup rows that match `where` (all of them without it), 0 when none do. */
function total(column: typeof rollup.events | typeof rollup.fatalities, where?: SQL) {
  const filtered = where ? sql` filter (where ${where})` : sql``;
  return sql<number>`(coalesce(sum(${column})${filtered}, 0))::int`;
}
const events = (where?: SQL) => total(rollup.events, where);
const fatalities = (where?: SQL) => total(rollup.fatalities, where);

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

/** Events and fatalities over the four parts a cell's disclosure decision needs. */
function measures(access: Access) {
  const visible = incidentScope(access, rollup);
  const both = and(unrefuted, visible)!;
  return {
    eUnrefuted: events(unrefuted),
    eAll: events(),
    eVisibleUnrefuted: events(both),
    eVisibleAll: events(visible),
    fUnrefuted: fatalities(unrefuted),
    fAll: fatalities(),
    fVisibleUnrefuted: fatalities(both),
    fVisibleAll: fatalities(visible),
  };
}

/**
 * The canonical table mission × area × month × event type, one statement. Only filters that
 * select whole cells are applied (mission, event type, months, the grouping area's p-code), so
 * a cell's numbers — and the disclosure decision made on them — never depend on the filter.
 */
export async function incidentStatistics(db: Db, access: Access, filter: IncidentStatisticsFilterInput): Promise<IncidentStatisticRow[]> {
  const rows = await incidentStatisticsQuery(db, access, filter);
  return rows.map((r) => ({
    missionId: r.missionId,
    adminAreaPcode: r.adminAreaPcode,
    month: r.month,
    eventType: r.eventType,
    events: { unrefuted: r.eUnrefuted, all: r.eAll, visibleUnrefuted: r.eVisibleUnrefuted, visibleAll: r.eVisibleAll },
    fatalities: { unrefuted: r.fUnrefuted, all: r.fAll, visibleUnrefuted: r.fVisibleUnrefuted, visibleAll: r.fVisibleAll },
  }));
}

/** incidentStatistics' statement, unsent (tests EXPLAIN it). */
export function incidentStatisticsQuery(db: Db, access: Access, filter: IncidentStatisticsFilterInput) {
  const area = filter.adminLevel === 1 ? rollup.admin1Pcode : rollup.adminAreaPcode;
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(rollup.missionId, filter.missionId.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(area, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.fromMonth) conditions.push(gte(rollup.month, filter.fromMonth));
  if (filter.toMonth) conditions.push(lte(rollup.month, filter.toMonth));
  if (filter.eventType) conditions.push(eq(rollup.eventType, filter.eventType));
  return db
    .select({ missionId: rollup.missionId, adminAreaPcode: area, month: rollup.month, eventType: rollup.eventType, ...measures(access) })
    .from(rollup)
    .where(and(...conditions))
    .groupBy(rollup.missionId, area, rollup.month, rollup.eventType)
    .orderBy(asc(rollup.missionId), asc(area), asc(rollup.month), asc(rollup.eventType));
}

/** Ceasefire violations per mission × agreement × month (refuted reports never count), one statement (await it; tests EXPLAIN it unsent). */
export function ceasefireViolations(db: Db, access: Access, missionId?: string | null, agreement?: string | null) {
  const conditions: SQL[] = [eq(rollup.localType, IncidentLocalType.CEASEFIRE_VIOLATION), unrefuted];
  if (missionId) conditions.push(eq(rollup.missionId, missionId.toUpperCase()));
  if (agreement) conditions.push(eq(rollup.violatedAgreement, agreement));
  const agreementColumn = sql<string>`coalesce(${rollup.violatedAgreement}, '')`;
  const visible = incidentScope(access, rollup);
  return db
    .select({
      missionId: rollup.missionId,
      agreement: agreementColumn,
      month: rollup.month,
      violations: events(),
      visibleViolations: events(visible),
      fatalities: fatalities(),
      visibleFatalities: fatalities(visible),
    })
    .from(rollup)
    .where(and(...conditions))
    .groupBy(rollup.missionId, agreementColumn, rollup.month)
    .orderBy(asc(rollup.missionId), asc(agreementColumn), asc(rollup.month));
}
