import { date, text } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/** A peacekeeping financial period, 1 July – 30 June. `id` is written `2024/25`. */
export const fiscalPeriods = financeSchema.table('fiscal_periods', {
  id: text('id').primaryKey(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
});
export type FiscalPeriodRow = typeof fiscalPeriods.$inferSelect;
