import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { payments, type PaymentRow } from './payment.table';

/** Payments of many assessments, one statement per batch. */
export function paymentsByAssessmentLoader(db: Db) {
  return new DataLoader<string, PaymentRow[]>(async (ids) => {
    const rows = await db.select().from(payments).where(inArray(payments.assessmentId, [...ids])).orderBy(asc(payments.paidOn), asc(payments.id));
    return ids.map((id) => rows.filter((r) => r.assessmentId === id));
  });
}

/**
 * Payments of many flows, one statement per batch. Only called with a flow the caller was
 * already allowed to see (the parent came through the scoped flow loaders).
 */
export function paymentsByFlowLoader(db: Db) {
  return new DataLoader<string, PaymentRow[]>(async (ids) => {
    const rows = await db.select().from(payments).where(inArray(payments.fundingFlowId, [...ids])).orderBy(asc(payments.paidOn), asc(payments.id));
    return ids.map((id) => rows.filter((r) => r.fundingFlowId === id));
  });
}
