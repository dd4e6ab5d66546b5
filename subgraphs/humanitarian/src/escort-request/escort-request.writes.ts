import { and, eq } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { escortRequestEvents, escortRequests, type NewEscortRequestEventRow, type NewEscortRequestRow } from './escort-request.table';
import { EscortStatus } from './escort-request.type';

/** A new request; its first history event is written by the caller beside it (insertEscortEvent). */
export async function insertEscortRequest(tx: Db, row: NewEscortRequestRow): Promise<void> {
  await tx.insert(escortRequests).values(row);
}

/**
 * Changes a request of this organisation that is still REQUESTED. The owner and status are in
 * the statement, so a check made before and this write cannot drift apart; false when no row matched.
 */
export async function updateRequestedEscort(tx: Db, id: string, organizationId: string, changes: Partial<NewEscortRequestRow>): Promise<boolean> {
  const updated = await tx
    .update(escortRequests)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(escortRequests.id, id), eq(escortRequests.requestingOrganizationId, organizationId), eq(escortRequests.status, EscortStatus.REQUESTED)))
    .returning({ id: escortRequests.id });
  return updated.length > 0;
}

/**
 * Moves a request from `from` to `to` only if it is still `from` (checked in the statement: a
 * concurrent move makes this one match nothing); false when no row matched.
 */
export async function moveEscortStatus(tx: Db, id: string, from: EscortStatus, to: EscortStatus, declineReason: string | null): Promise<boolean> {
  const updated = await tx
    .update(escortRequests)
    .set({ status: to, updatedAt: new Date(), ...(to === EscortStatus.DECLINED ? { declineReason } : {}) })
    .where(and(eq(escortRequests.id, id), eq(escortRequests.status, from)))
    .returning({ id: escortRequests.id });
  return updated.length > 0;
}

/** One step of a request's append-only history. */
export async function insertEscortEvent(tx: Db, event: NewEscortRequestEventRow): Promise<void> {
  await tx.insert(escortRequestEvents).values(event);
}
