import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, numeric, text, timestamp } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * Money received against an assessment or against a committed funding flow. A payment above
 * what was due is kept, never silently: `excessAmount` holds the part above the due amount and
 * `flagged` is set.
 */
export const payments = financeSchema.table(
  'payments',
  {
    id: text('id').primaryKey(),
    assessmentId: text('assessment_id'),
    fundingFlowId: text('funding_flow_id'),
    amount: numeric('amount', { precision: 18, scale: 3 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    paidOn: date('paid_on').notNull(),
    excessAmount: numeric('excess_amount', { precision: 18, scale: 3 }),
    flagged: boolean('flagged').notNull(),
    /** 'recorded' (through the graph) or 'generated (illustrative)' (demo seed). */
    origin: text('origin').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_one_target', sql`(${t.assessmentId} is null) <> (${t.fundingFlowId} is null)`),
    check('payments_positive', sql`${t.amount} > 0`),
    index('payments_assessment_idx').on(t.assessmentId),
    index('payments_flow_idx').on(t.fundingFlowId),
  ],
);
export type PaymentRow = typeof payments.$inferSelect;
