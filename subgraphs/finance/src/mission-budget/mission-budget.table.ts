import { boolean, char, index, integer, numeric, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * What the General Assembly appropriated for one mission for one financial period, with the
 * breakdown by cost class where the source gives it. `source` says which document a figure
 * comes from; `estimated` is true for any figure we had to estimate.
 */
export const missionBudgets = financeSchema.table(
  'mission_budgets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    missionId: text('mission_id').notNull(),
    fiscalPeriodId: text('fiscal_period_id').notNull(),
    approvedAmount: numeric('approved_amount', { precision: 18, scale: 3 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    militaryAndPolicePersonnel: numeric('military_and_police_personnel', { precision: 18, scale: 3 }),
    civilianPersonnel: numeric('civilian_personnel', { precision: 18, scale: 3 }),
    operationalCosts: numeric('operational_costs', { precision: 18, scale: 3 }),
    resolutionSymbol: text('resolution_symbol'),
    source: text('source').notNull(),
    sourceNote: text('source_note'),
    estimated: boolean('estimated').notNull(),
  },
  (t) => [
    uniqueIndex('mission_budgets_mission_period_uq').on(t.missionId, t.fiscalPeriodId),
    index('mission_budgets_period_idx').on(t.fiscalPeriodId),
  ],
);
export type MissionBudgetRow = typeof missionBudgets.$inferSelect;
