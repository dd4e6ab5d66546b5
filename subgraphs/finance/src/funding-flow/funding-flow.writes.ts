import { and, eq } from 'drizzle-orm';
import type { Access, Db } from '@peacegraph/kit';
import { visibleFlows } from './funding-flow.scope';
import { fundingFlows, type FundingFlowRow, type NewFundingFlowRow } from './funding-flow.table';

/**
 * A flow this caller may see, locked until the transaction ends: two changes of one flow (two
 * conversions, two payments) are serialised, so each sees the other's result.
 */
export async function lockVisibleFlow(tx: Db, access: Access, id: string): Promise<FundingFlowRow | null> {
  const [row] = await tx.select().from(fundingFlows).where(and(eq(fundingFlows.id, id), visibleFlows(access))).for('update');
  return row ?? null;
}

export async function insertFlow(tx: Db, row: NewFundingFlowRow): Promise<FundingFlowRow> {
  const [inserted] = await tx.insert(fundingFlows).values(row).returning();
  return inserted!;
}

export async function updateFlow(tx: Db, id: string, changes: Partial<NewFundingFlowRow>): Promise<FundingFlowRow> {
  const [updated] = await tx.update(fundingFlows).set(changes).where(eq(fundingFlows.id, id)).returning();
  return updated!;
}

export async function markFlowPaid(tx: Db, id: string): Promise<void> {
  await tx.update(fundingFlows).set({ status: 'paid' }).where(eq(fundingFlows.id, id));
}
