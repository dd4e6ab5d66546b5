import DataLoader from 'dataloader';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { formatMoneyAmount, type Db } from '@peacegraph/kit';
import { payments, type PaymentRow } from './payment.table';
import type { Payment } from './payment.type';

/** A stored payment as clients see it: amounts in its currency's minor units (the column holds 3 decimals). */
export function paymentOf(row: PaymentRow): Payment {
  return { ...row, amount: formatMoneyAmount(row.amount, row.currency), excessAmount: row.excessAmount === null ? null : formatMoneyAmount(row.excessAmount, row.currency) };
}

/** What has been paid so far against one assessment or one flow (the column's decimal text), null when nothing. */
export async function paidTotal(db: Db, against: 'assessment' | 'flow', id: string): Promise<string | null> {
  const column = against === 'assessment' ? payments.assessmentId : payments.fundingFlowId;
  const [row] = await db.select({ total: sql<string | null>`sum(${payments.amount})::text` }).from(payments).where(eq(column, id));
  return row?.total ?? null;
}

/** Payments of many assessments, one statement per batch. */
export function paymentsByAssessmentLoader(db: Db) {
  return new DataLoader<string, Payment[]>(async (ids) => {
    const rows = await db.select().from(payments).where(inArray(payments.assessmentId, [...ids])).orderBy(asc(payments.paidOn), asc(payments.id));
    return ids.map((id) => rows.filter((r) => r.assessmentId === id).map(paymentOf));
  });
}

/**
 * Payments of many flows, one statement per batch. Only called with a flow the caller was
 * already allowed to see (the parent came through the scoped flow loaders).
 */
export function paymentsByFlowLoader(db: Db) {
  return new DataLoader<string, Payment[]>(async (ids) => {
    const rows = await db.select().from(payments).where(inArray(payments.fundingFlowId, [...ids])).orderBy(asc(payments.paidOn), asc(payments.id));
    return ids.map((id) => rows.filter((r) => r.fundingFlowId === id).map(paymentOf));
  });
}
