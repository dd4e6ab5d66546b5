import { index, integer, numeric, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/**
 * Uniformed personnel a country contributes to a mission: yearly average of monthly
 * figures (fractional), female and male. Personnel type is `UNIFORMED` where the source
 * does not split troops from police.
 */
export const contributions = missionsSchema.table(
  'contributions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    missionId: text('mission_id').notNull(),
    contributorIso3: text('contributor_iso3'),
    contributorName: text('contributor_name').notNull(),
    year: integer('year').notNull(),
    personnelType: text('personnel_type').notNull(),
    female: numeric('female', { precision: 10, scale: 2 }).notNull(),
    male: numeric('male', { precision: 10, scale: 2 }).notNull(),
    total: numeric('total', { precision: 10, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('contributions_natural_uq').on(t.missionId, t.contributorName, t.year, t.personnelType),
    index('contributions_mission_idx').on(t.missionId, t.year),
  ],
);
export type ContributionRow = typeof contributions.$inferSelect;
