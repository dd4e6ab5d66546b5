import { date, index, numeric, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** A monitoring and evaluation indicator of one mandate task (results-based management levels). */
export const indicators = missionsSchema.table(
  'indicators',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    mandateTaskId: text('mandate_task_id').notNull(),
    /** INPUT | OUTPUT | OUTCOME | IMPACT */
    level: text('level').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: numeric('baseline', { precision: 14, scale: 2 }).notNull(),
    baselineOn: date('baseline_on').notNull(),
    target: numeric('target', { precision: 14, scale: 2 }).notNull(),
    targetOn: date('target_on').notNull(),
    /** 'generated' (illustrative demo data) or 'recorded'. */
    source: text('source').notNull(),
  },
  (t) => [index('indicators_task_idx').on(t.mandateTaskId), index('indicators_mission_idx').on(t.missionId)],
);
export type IndicatorRow = typeof indicators.$inferSelect;

/** One value of an indicator on a date. */
export const measurements = missionsSchema.table(
  'measurements',
  {
    id: text('id').primaryKey(),
    indicatorId: text('indicator_id').notNull(),
    missionId: text('mission_id').notNull(),
    measuredOn: date('measured_on').notNull(),
    value: numeric('value', { precision: 14, scale: 2 }).notNull(),
    note: text('note'),
    source: text('source').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('measurements_indicator_date_uq').on(t.indicatorId, t.measuredOn)],
);
export type MeasurementRow = typeof measurements.$inferSelect;
