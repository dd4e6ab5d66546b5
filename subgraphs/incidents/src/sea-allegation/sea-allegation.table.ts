import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, text } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';

/**
 * An allegation of sexual exploitation or abuse by mission personnel (fields follow the UN
 * conduct-in-UN-field-missions data). SEA_ALLEGATION: the conduct and discipline role only.
 */
export const seaAllegations = incidentsSchema.table(
  'sea_allegations',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    incidentId: text('incident_id'),
    reportedOn: date('reported_on').notNull(),
    /** SEXUAL_EXPLOITATION | SEXUAL_ABUSE */
    category: text('category').notNull(),
    /** MILITARY | POLICE | CIVILIAN */
    personnelCategory: text('personnel_category').notNull(),
    victimCount: integer('victim_count').notNull(),
    involvesMinor: boolean('involves_minor').notNull(),
    /** PENDING | SUBSTANTIATED | UNSUBSTANTIATED */
    investigationStatus: text('investigation_status').notNull(),
    summary: text('summary').notNull(),
    provenance: text('provenance').notNull(),
  },
  (t) => [index('sea_allegations_mission_idx').on(t.missionId, t.reportedOn), check('sea_allegations_victims_ck', sql`${t.victimCount} >= 0`)],
);
export type SeaAllegationRow = typeof seaAllegations.$inferSelect;
