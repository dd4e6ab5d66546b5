import { date, doublePrecision, index, integer, text } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/**
 * A humanitarian access constraint (OCHA Access Monitoring and Reporting Framework
 * categories), optionally caused by an incident recorded in the incidents subgraph.
 */
export const accessConstraints = humanitarianSchema.table(
  'access_constraints',
  {
    id: text('id').primaryKey(),
    constraintType: text('constraint_type').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    admin1Pcode: text('admin1_pcode').notNull(),
    adminLevel: integer('admin_level').notNull(),
    countryIso3: text('country_iso3').notNull(),
    missionId: text('mission_id'),
    occurredOn: date('occurred_on').notNull(),
    /** MINOR | MODERATE | SEVERE (activities delayed / relocated / suspended). */
    impact: text('impact').notNull(),
    description: text('description').notNull(),
    /** Exact point: PRECISE_LOCATION; others get the admin area's centroid. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Incident id in the incidents subgraph (a federation reference, not a foreign key). */
    incidentId: text('incident_id'),
    reportingOrganizationId: text('reporting_organization_id').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    index('access_constraints_area_idx').on(t.admin1Pcode, t.occurredOn),
    // AdminArea.accessConstraints pages read the area's own rows and its admin1's rows in id
    // order off these two (area-pages.ts): a page costs a page of index entries at any size.
    index('access_constraints_admin_area_idx').on(t.adminAreaPcode, t.id),
    index('access_constraints_admin1_idx').on(t.admin1Pcode, t.id),
    index('access_constraints_mission_idx').on(t.missionId, t.id),
  ],
);
export type AccessConstraintRow = typeof accessConstraints.$inferSelect;
export type NewAccessConstraintRow = typeof accessConstraints.$inferInsert;
