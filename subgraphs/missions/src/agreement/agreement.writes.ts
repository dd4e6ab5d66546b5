import { eq } from 'drizzle-orm';
import { agreements, type AgreementRow, type Db } from '@peacegraph/kit';

/** The agreement, locked until the transaction ends: of two concurrent changes, the second sees the first's result. */
export async function lockAgreement(tx: Db, id: string): Promise<AgreementRow | null> {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update');
  return row ?? null;
}

export async function insertAgreement(tx: Db, row: typeof agreements.$inferInsert): Promise<void> {
  await tx.insert(agreements).values(row);
}

/** Replaces the agreement's terms and status at a new version; false when no row matched. */
export async function updateAgreement(tx: Db, id: string, changes: Partial<typeof agreements.$inferInsert>): Promise<boolean> {
  const updated = await tx.update(agreements).set(changes).where(eq(agreements.id, id)).returning({ id: agreements.id });
  return updated.length === 1;
}
