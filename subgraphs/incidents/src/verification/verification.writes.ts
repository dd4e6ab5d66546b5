import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { incidents, type IncidentRow } from '../incident/incident.table';
import { verificationTransitions } from './verification.table';

/**
 * Moves an incident to `to` only if it is still at the version and status the caller read
 * (optimistic check in the UPDATE itself: of two concurrent moves exactly one matches), and
 * raises its version. Null when the row changed meanwhile.
 */
export async function advanceVerification(tx: Db, id: string, expected: { version: number; status: string }, to: string): Promise<IncidentRow | null> {
  const [row] = await tx
    .update(incidents)
    .set({ verificationStatus: to, version: sql`${incidents.version} + 1` })
    .where(and(eq(incidents.id, id), eq(incidents.version, expected.version), eq(incidents.verificationStatus, expected.status)))
    .returning();
  return row ?? null;
}

/** One step of an incident's append-only verification history. */
export async function insertVerificationStep(tx: Db, step: typeof verificationTransitions.$inferInsert): Promise<void> {
  await tx.insert(verificationTransitions).values(step);
}
