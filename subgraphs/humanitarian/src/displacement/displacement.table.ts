import { date, index, integer, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/**
 * Displaced people in one admin area, one population group, one reporting round of one
 * source (HDX HAPI "idps"/"refugees" rows; IOM DTM rounds and assessment types).
 */
export const displacement = humanitarianSchema.table(
  'displacement',
  {
    id: text('id').primaryKey(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    admin1Pcode: text('admin1_pcode').notNull(),
    adminLevel: integer('admin_level').notNull(),
    countryIso3: text('country_iso3').notNull(),
    missionId: text('mission_id'),
    /** IDPS | REFUGEES | RETURNEES */
    populationGroup: text('population_group').notNull(),
    reportingRound: integer('reporting_round').notNull(),
    reportingDate: date('reporting_date').notNull(),
    /** BASELINE_ASSESSMENT | SITE_ASSESSMENT | REGISTRATION | MULTI_SECTOR_LOCATION_ASSESSMENT */
    assessmentType: text('assessment_type').notNull(),
    individuals: integer('individuals').notNull(),
    households: integer('households'),
    /** The organisation that reported the figure (owner). */
    sourceOrganizationId: text('source_organization_id').notNull(),
    /** 'generated' (illustrative demo figures) or 'reported'. */
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('displacement_natural_uq').on(t.adminAreaPcode, t.populationGroup, t.reportingRound, t.sourceOrganizationId),
    index('displacement_country_idx').on(t.countryIso3, t.id),
    // AdminArea.displacement pages read the area's own rows and its admin1's rows in id order
    // off these two (area-pages.ts); before, with no index on the area's own p-code, every
    // AdminArea.displacement read scanned the whole table.
    index('displacement_admin_area_idx').on(t.adminAreaPcode, t.id),
    index('displacement_area_idx').on(t.admin1Pcode, t.id),
  ],
);
export type DisplacementRow = typeof displacement.$inferSelect;
export type NewDisplacementRow = typeof displacement.$inferInsert;
