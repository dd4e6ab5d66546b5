import { and, eq, gte, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { badInput, calendarDate, isCalendarDate, rowFilter, type Access } from '@peacegraph/kit';
import { Incident } from './incident.type';
import { incidents } from './incident.table';
import type { IncidentFilterInput } from './incident.inputs';

/** Checks a filter's values; errors name the argument path. */
export function validateIncidentFilter(filter: IncidentFilterInput | null | undefined, path = 'filter'): void {
  if (!filter) return;
  for (const key of ['fromDate', 'toDate'] as const) {
    const value = filter[key];
    if (value) calendarDate(`${path}.${key}`, value);
  }
  if (filter.fromDate && filter.toDate && filter.fromDate > filter.toDate) throw badInput(`${path}.toDate`, 'is before fromDate.');
  if (filter.minFatalities !== null && filter.minFatalities !== undefined && filter.minFatalities < 0) {
    throw badInput(`${path}.minFatalities`, 'must be 0 or more.');
  }
}

/** The columns the row scope reads: the incidents table's, or the statistics rollup's copies of them. */
export interface IncidentScopeColumns {
  missionId: AnyColumn;
  adminAreaPcode: AnyColumn;
  reportedByOrganizationId: AnyColumn;
}

/**
 * The row scope: only incidents the caller may see as PARTNER data, decided in SQL so
 * out-of-scope rows never leave the database (the same rule shield applies per field).
 */
export function incidentScope(access: Access, columns: IncidentScopeColumns = incidents): SQL {
  return rowFilter(access, Incident, columns);
}

/** A filter as SQL conditions, scope included. */
export function incidentConditions(access: Access, filter: IncidentFilterInput | null | undefined): SQL {
  const conditions: (SQL | undefined)[] = [incidentScope(access)];
  if (filter?.missionId) conditions.push(eq(incidents.missionId, filter.missionId.toUpperCase()));
  if (filter?.adminAreaPcode) conditions.push(like(incidents.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter?.fromDate) conditions.push(gte(incidents.eventDate, filter.fromDate));
  if (filter?.toDate) conditions.push(lte(incidents.eventDate, filter.toDate));
  if (filter?.eventType) conditions.push(eq(incidents.eventType, filter.eventType));
  if (filter?.subEventType) conditions.push(eq(incidents.subEventType, filter.subEventType));
  if (filter?.localType) conditions.push(eq(incidents.localType, filter.localType));
  if (filter?.verificationStatus) conditions.push(eq(incidents.verificationStatus, filter.verificationStatus));
  if (filter?.minFatalities) conditions.push(gte(incidents.fatalities, filter.minFatalities));
  return and(...conditions)!;
}

/** Incidents are listed newest first; the cursor is "eventDate|id". */
export function incidentCursorKey(row: { eventDate: string; id: string }): string {
  return `${row.eventDate}|${row.id}`;
}

/** Keyset condition: rows strictly after the cursor in (eventDate desc, id desc) order. */
export function afterCursor(after: string | null): SQL | undefined {
  if (!after) return undefined;
  const [eventDate, id] = after.split('|');
  if (!eventDate || !id || !isCalendarDate(eventDate)) throw badInput('page.after', 'is not a cursor this API issued.');
  return or(sql`${incidents.eventDate} < ${eventDate}`, and(eq(incidents.eventDate, eventDate), sql`${incidents.id} < ${id}`));
}
