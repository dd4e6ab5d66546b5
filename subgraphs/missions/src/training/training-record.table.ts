import { date, index, integer, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/**
 * Completion of one required course by one national contingent in one mission and year.
 * Every seeded row is GENERATED (no public source exists); `source` says so.
 */
export const trainingRecords = missionsSchema.table(
  'training_records',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    contributorIso3: text('contributor_iso3').notNull(),
    year: integer('year').notNull(),
    /** TrainingCourse */
    course: text('course').notNull(),
    personnelRequired: integer('personnel_required').notNull(),
    personnelCompleted: integer('personnel_completed').notNull(),
    lastCompletedOn: date('last_completed_on'),
    source: text('source').notNull(),
  },
  (t) => [index('training_records_mission_idx').on(t.missionId, t.year)],
);
export type TrainingRecordRow = typeof trainingRecords.$inferSelect;
