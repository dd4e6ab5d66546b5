import { sql } from 'drizzle-orm';
import { boolean, index, integer, text, unique } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';

/**
 * The statistics' rollup: incidents counted per every column the aggregates group or filter by
 * and every column the caller's row scope (incidentScope) reads, so the same scope applied to
 * these columns gives the "visible" parts exactly. Kept exact in the transaction of every write
 * to incidents by statement-level triggers (migrations/incidents/0004_statistics_rollup.sql);
 * a cell whose count falls to 0 is deleted. Nothing but those triggers writes it.
 */
export const incidentRollup = incidentsSchema.table(
  'incident_rollup',
  {
    missionId: text('mission_id').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    admin1Pcode: text('admin1_pcode').notNull(),
    /** 'YYYY-MM' of the event date. */
    month: text('month').notNull(),
    eventType: text('event_type').notNull(),
    localType: text('local_type'),
    violatedAgreement: text('violated_agreement'),
    reportedByOrganizationId: text('reported_by_organization_id'),
    refuted: boolean('refuted').notNull(),
    events: integer('events').notNull(),
    fatalities: integer('fatalities').notNull(),
  },
  (t) => [
    // NULLS NOT DISTINCT: one row per cell also where local type, agreement or reporter is absent.
    unique('incident_rollup_cell_uq')
      .on(t.missionId, t.month, t.eventType, t.adminAreaPcode, t.admin1Pcode, t.refuted, t.localType, t.violatedAgreement, t.reportedByOrganizationId)
      .nullsNotDistinct(),
    // Empty while no write is in flight: the triggers find the cells they brought to 0 through it.
    // (No CHECK (events >= 0): PostgreSQL checks the row an upsert proposes before it finds the
    // conflict, and a delta is negative. The triggers raise on a cell below 0 instead.)
    index('incident_rollup_empty_idx').on(t.events).where(sql`${t.events} <= 0`),
  ],
);
