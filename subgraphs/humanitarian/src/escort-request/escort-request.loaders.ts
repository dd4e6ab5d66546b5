import DataLoader from 'dataloader';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { escortRequestEvents, escortRequests as t, type EscortRequestEventRow, type EscortRequestRow } from './escort-request.table';
import { EscortRequest } from './escort-request.type';

export interface EscortFilter {
  missionId?: string | null;
  status?: string | null;
  requestingOrganizationId?: string | null;
}

/**
 * Rows the caller may see at all: PARTNER in scope (mission, origin area), or its own requests.
 * An escort is a mission operation: the mission's agreements open it, whoever asked for it.
 */
export function escortScope(access: Access): SQL {
  return rowFilter(access, EscortRequest, t);
}

export function listEscortRequests(db: Db, access: Access, filter: EscortFilter, after: string | null, limit: number): Promise<EscortRequestRow[]> {
  const conditions: SQL[] = [escortScope(access)];
  if (filter.missionId) conditions.push(eq(t.missionId, filter.missionId));
  if (filter.status) conditions.push(eq(t.status, filter.status));
  if (filter.requestingOrganizationId) conditions.push(eq(t.requestingOrganizationId, filter.requestingOrganizationId));
  return pageInIdOrder(db, t, conditions, after, limit);
}

/**
 * One request by id, unscoped and uncached: for writes, which decide on the row themselves
 * (authz.ts), and for reading a row back right after writing it.
 */
export async function escortRequestRowById(db: Db, id: string): Promise<EscortRequestRow | null> {
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return row ?? null;
}

/** Escort requests by id within the caller's scope, one statement per batch. */
export function escortRequestByIdLoader(db: Db, access: Access) {
  return new DataLoader<string, EscortRequestRow | null>(async (ids) => {
    const rows = await db.select().from(t).where(and(inArray(t.id, [...ids]), escortScope(access)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Status history of many requests (already scoped: only visible requests ask), one statement per batch. */
export function escortHistoryLoader(db: Db) {
  return new DataLoader<string, EscortRequestEventRow[]>(async (ids) => {
    const rows = await db
      .select()
      .from(escortRequestEvents)
      .where(inArray(escortRequestEvents.escortRequestId, [...ids]))
      .orderBy(asc(escortRequestEvents.id));
    return ids.map((id) => rows.filter((r) => r.escortRequestId === id));
  });
}
