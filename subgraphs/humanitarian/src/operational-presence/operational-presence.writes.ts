import { and, eq } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { operationalPresence, type NewOperationalPresenceRow } from './operational-presence.table';

export async function insertPresence(tx: Db, row: NewOperationalPresenceRow): Promise<void> {
  await tx.insert(operationalPresence).values(row);
}

/**
 * Changes a 3W row of this organisation. The owner is in the statement, so a check made before
 * and this write cannot drift apart; false when no row of the organisation matched.
 */
export async function updateOwnPresence(tx: Db, id: string, organizationId: string, changes: Partial<NewOperationalPresenceRow>): Promise<boolean> {
  const updated = await tx
    .update(operationalPresence)
    .set(changes)
    .where(and(eq(operationalPresence.id, id), eq(operationalPresence.organizationId, organizationId)))
    .returning({ id: operationalPresence.id });
  return updated.length > 0;
}
