import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';

/**
 * One security incident, ACLED-compatible where ACLED has a field (event_date,
 * time_precision, disorder/event/sub-event type, geo_precision, civilian_targeting,
 * fatalities, notes → summary). `provenance` says whether the row is generated demo data.
 */
export const incidents = incidentsSchema.table(
  'incidents',
  {
    id: text('id').primaryKey(),
    missionId: text('mission_id').notNull(),
    eventDate: date('event_date').notNull(),
    timePrecision: smallint('time_precision').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    disorderType: text('disorder_type').notNull(),
    eventType: text('event_type').notNull(),
    subEventType: text('sub_event_type').notNull(),
    /** CEASEFIRE_VIOLATION | THREAT_AGAINST_MISSION | OBSTRUCTION_OF_MOVEMENT, beside the ACLED type. */
    localType: text('local_type'),
    /** The ceasefire or peace agreement a CEASEFIRE_VIOLATION violates. */
    violatedAgreement: text('violated_agreement'),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    /** The admin1 area containing it (itself when it is admin1): aggregates roll up to it. */
    admin1Pcode: text('admin1_pcode').notNull(),
    countryIso3: text('country_iso3').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    geoPrecision: smallint('geo_precision').notNull(),
    /**
     * The admin area's centroid, copied when the incident is written: the coarsened point
     * served to callers without PRECISE_LOCATION (the areas themselves live in missions).
     */
    areaCentroidLatitude: doublePrecision('area_centroid_latitude'),
    areaCentroidLongitude: doublePrecision('area_centroid_longitude'),
    civilianTargeting: boolean('civilian_targeting').notNull().default(false),
    fatalities: integer('fatalities').notNull(),
    summary: text('summary'),
    reportingUnit: text('reporting_unit'),
    reportedByOrganizationId: text('reported_by_organization_id'),
    reportedBySubject: text('reported_by_subject'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** REPORTED | UNDER_VERIFICATION | VERIFIED | REFUTED */
    verificationStatus: text('verification_status').notNull().default('REPORTED'),
    /** Optimistic concurrency: every verification transition increments it. */
    version: integer('version').notNull().default(1),
    /** 'generated' (illustrative demo data, not real events) or 'reported' (through reportIncident). */
    provenance: text('provenance').notNull(),
    /** The client key it was reported under (the receipt in write_receipts makes the retry safe; kept as provenance). */
    clientKey: text('client_key'),
  },
  (t) => [
    index('incidents_mission_date_idx').on(t.missionId, t.eventDate.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('incidents_area_idx').on(t.adminAreaPcode),
    index('incidents_admin1_idx').on(t.admin1Pcode, t.eventDate),
    index('incidents_date_idx').on(t.eventDate.desc().nullsFirst(), t.id.desc().nullsFirst()),
    check('incidents_time_precision_ck', sql`${t.timePrecision} between 1 and 3`),
    check('incidents_geo_precision_ck', sql`${t.geoPrecision} between 1 and 3`),
    check('incidents_fatalities_ck', sql`${t.fatalities} >= 0`),
    check('incidents_latitude_ck', sql`${t.latitude} between -90 and 90`),
    check('incidents_longitude_ck', sql`${t.longitude} between -180 and 180`),
    check('incidents_verification_ck', sql`${t.verificationStatus} in ('REPORTED', 'UNDER_VERIFICATION', 'VERIFIED', 'REFUTED')`),
  ],
);
export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncidentRow = typeof incidents.$inferInsert;

/**
 * The first columns of a restricted row about one incident (victims, perpetrators, source
 * reports): its id, the incident (the row goes with it), and the incident's mission and area,
 * copied onto the row so its loader scopes it in SQL without a join. A function: each table
 * needs its own column builders.
 */
export function restrictedIncidentDetailColumns() {
  return {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    missionId: text('mission_id').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
  };
}
