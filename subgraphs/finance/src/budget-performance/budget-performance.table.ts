import { boolean, char, numeric, primaryKey, text } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/** What a mission spent of its appropriation for a period (the budget performance report). */
export const budgetPerformance = financeSchema.table(
  'budget_performance',
  {
    missionId: text('mission_id').notNull(),
    fiscalPeriodId: text('fiscal_period_id').notNull(),
    expenditure: numeric('expenditure', { precision: 18, scale: 3 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    source: text('source').notNull(),
    estimated: boolean('estimated').notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.fiscalPeriodId] })],
);
export type BudgetPerformanceRow = typeof budgetPerformance.$inferSelect;
