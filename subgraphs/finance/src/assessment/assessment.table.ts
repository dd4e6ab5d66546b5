import { boolean, char, date, index, numeric, text } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * A member state's assessed contribution to one mission for one financial period:
 * the mission's appropriation × the member state's peacekeeping scale rate.
 */
export const assessments = financeSchema.table(
  'assessments',
  {
    /** `<ISO3>:<mission>:<period>`, e.g. NOR:UNIFIL:2024/25 */
    id: text('id').primaryKey(),
    memberStateIso3: char('member_state_iso3', { length: 3 }).notNull(),
    missionId: text('mission_id').notNull(),
    fiscalPeriodId: text('fiscal_period_id').notNull(),
    /** Peacekeeping scale rate in per cent, e.g. 0.679000. */
    scaleRate: numeric('scale_rate', { precision: 9, scale: 6 }).notNull(),
    assessedAmount: numeric('assessed_amount', { precision: 18, scale: 3 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    dueDate: date('due_date').notNull(),
    source: text('source').notNull(),
    estimated: boolean('estimated').notNull(),
  },
  (t) => [index('assessments_member_state_idx').on(t.memberStateIso3), index('assessments_mission_idx').on(t.missionId, t.fiscalPeriodId)],
);
export type AssessmentRow = typeof assessments.$inferSelect;
