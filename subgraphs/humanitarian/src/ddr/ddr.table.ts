import { date, index, integer, text } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/**
 * Disarmament, demobilization and reintegration figures per mission × admin area × period:
 * aggregated counts only, never individual ex-combatants (no table here could hold one).
 * People are split by sex and age group (children = under 18, associated with armed groups).
 */
export const ddrFigures = humanitarianSchema.table(
  'ddr_figures',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    countryIso3: text('country_iso3').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    weaponsCollected: integer('weapons_collected').notNull(),
    /** Rounds of ammunition. */
    ammunitionCollected: integer('ammunition_collected').notNull(),
    disarmedFemaleAdults: integer('disarmed_female_adults').notNull(),
    disarmedMaleAdults: integer('disarmed_male_adults').notNull(),
    disarmedFemaleChildren: integer('disarmed_female_children').notNull(),
    disarmedMaleChildren: integer('disarmed_male_children').notNull(),
    demobilizedFemaleAdults: integer('demobilized_female_adults').notNull(),
    demobilizedMaleAdults: integer('demobilized_male_adults').notNull(),
    demobilizedFemaleChildren: integer('demobilized_female_children').notNull(),
    demobilizedMaleChildren: integer('demobilized_male_children').notNull(),
    reintegratedFemaleAdults: integer('reintegrated_female_adults').notNull(),
    reintegratedMaleAdults: integer('reintegrated_male_adults').notNull(),
    reintegratedFemaleChildren: integer('reintegrated_female_children').notNull(),
    reintegratedMaleChildren: integer('reintegrated_male_children').notNull(),
    source: text('source').notNull(),
  },
  (t) => [index('ddr_figures_mission_idx').on(t.missionId, t.periodStart)],
);
export type DdrFigureRow = typeof ddrFigures.$inferSelect;
export type NewDdrFigureRow = typeof ddrFigures.$inferInsert;
