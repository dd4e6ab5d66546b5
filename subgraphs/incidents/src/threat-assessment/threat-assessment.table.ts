import { sql } from 'drizzle-orm';
import { check, date, index, text } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';

/** The mission's threat level for one admin area and period; the rationale is UN-internal. */
export const threatAssessments = incidentsSchema.table(
  'threat_assessments',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** LOW | MODERATE | SUBSTANTIAL | HIGH | CRITICAL */
    level: text('level').notNull(),
    rationale: text('rationale').notNull(),
    provenance: text('provenance').notNull(),
  },
  (t) => [
    index('threat_assessments_area_idx').on(t.adminAreaPcode, t.periodStart),
    check('threat_assessments_period_ck', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);
export type ThreatAssessmentRow = typeof threatAssessments.$inferSelect;
