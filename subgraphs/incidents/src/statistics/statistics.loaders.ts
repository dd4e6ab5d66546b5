import { and, asc, eq, gte, like, lte, not, sql, type SQL } from 'drizzle-orm';
import type { Access, Db } from '@peacegraph/kit';
import { incidentScope } from '../incident/incident.filter';
import { IncidentLocalType } from '../taxonomy/taxonomy';
import { incidentCells as cells } from './statistics.table';
import type { IncidentStatisticsFilterInput } from './statistics.type';

// Both aggregates read the rollup and its pending deltas (incident_cells: rows per cell × reporter ×
// refuted, summed here), never the incidents themselves: their cost follows the number of cells,
// not of events. The caller's row scope is the incidents' own rule applied to the cells' copies of
// the columns it reads.
const unrefuted = not(cells.refuted);

/** sum(column) over the cell's rows (rollup and deltas) that match `where` (all of them without it), 0 when none do. */
function total(column: typeof cells.events | typeof cells.fatalities, where?: SQL) {
  const filtered = where ? sql` filter (where ${where})` : sql``;
  return sql<number>`(coalesce(sum(${column})${filtered}, 0))::int`;
}
const events = (where?: SQL) => total(cells.events, where);
const fatalities = (where?: SQL) => total(cells.fatalities, where);

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
  const visible = incidentScope(access, cells);
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
  const area = filter.adminLevel === 1 ? cells.admin1Pcode : cells.adminAreaPcode;
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(cells.missionId, filter.missionId.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(area, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.fromMonth) conditions.push(gte(cells.month, filter.fromMonth));
  if (filter.toMonth) conditions.push(lte(cells.month, filter.toMonth));
  if (filter.eventType) conditions.push(eq(cells.eventType, filter.eventType));
  return db
    .select({ missionId: cells.missionId, adminAreaPcode: area, month: cells.month, eventType: cells.eventType, ...measures(access) })
    .from(cells)
    .where(and(...conditions))
    .groupBy(cells.missionId, area, cells.month, cells.eventType)
    .orderBy(asc(cells.missionId), asc(area), asc(cells.month), asc(cells.eventType));
}

/** Ceasefire violations per mission × agreement × month (refuted reports never count), one statement (await it; tests EXPLAIN it unsent). */
export function ceasefireViolations(db: Db, access: Access, missionId?: string | null, agreement?: string | null) {
  const conditions: SQL[] = [eq(cells.localType, IncidentLocalType.CEASEFIRE_VIOLATION), unrefuted];
  if (missionId) conditions.push(eq(cells.missionId, missionId.toUpperCase()));
  if (agreement) conditions.push(eq(cells.violatedAgreement, agreement));
  const agreementColumn = sql<string>`coalesce(${cells.violatedAgreement}, '')`;
  const visible = incidentScope(access, cells);
  return db
    .select({
      missionId: cells.missionId,
      agreement: agreementColumn,
      month: cells.month,
      violations: events(),
      visibleViolations: events(visible),
      fatalities: fatalities(),
      visibleFatalities: fatalities(visible),
    })
    .from(cells)
    .where(and(...conditions))
    .groupBy(cells.missionId, agreementColumn, cells.month)
    .orderBy(asc(cells.missionId), asc(agreementColumn), asc(cells.month));
}
