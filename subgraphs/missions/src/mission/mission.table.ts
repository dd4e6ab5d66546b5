import { date, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** A UN peacekeeping operation or special political mission. `id` is the acronym (stable, readable in other subgraphs' rows). */
export const missions = missionsSchema.table(
  'missions',
  {
    id: text('id').primaryKey(),
    acronym: text('acronym').notNull(),
    name: text('name').notNull(),
    /** PKO | SPM */
    missionType: text('mission_type').notNull(),
    /** UN | AU | EU | COALITION */
    leadOrganization: text('lead_organization').notNull(),
    hostCountryIso3: text('host_country_iso3').array().notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** ACTIVE | CLOSED | IN_TRANSITION */
    status: text('status').notNull(),
    headquarters: text('headquarters'),
    /** 'curated' (from UN mission pages) or 'derived' (only the acronym was in the data files). */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('missions_acronym_uq').on(t.acronym)],
);
export type MissionRow = typeof missions.$inferSelect;
