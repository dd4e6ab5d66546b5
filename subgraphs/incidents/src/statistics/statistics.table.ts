import { sql } from 'drizzle-orm';
import { boolean, index, integer, text, unique } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';

/** A cell's key: every column the aggregates group or filter by and every column the caller's row scope (incidentScope) reads. */
const cellColumns = () => ({
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
});

/**
 * The statistics' rollup: incidents counted per cell, so the same scope applied to these
 * columns gives the "visible" parts exactly. Written only by the compaction that folds
 * `incident_rollup_delta` into it (migrations/incidents/0005_rollup_delta.sql); a cell whose
 * count falls to 0 is deleted. Read it through `incidentCells`, never alone.
 */
export const incidentRollup = incidentsSchema.table('incident_rollup', cellColumns(), (t) => [
  // NULLS NOT DISTINCT: one row per cell also where local type, agreement or reporter is absent.
  unique('incident_rollup_cell_uq')
    .on(t.missionId, t.month, t.eventType, t.adminAreaPcode, t.admin1Pcode, t.refuted, t.localType, t.violatedAgreement, t.reportedByOrganizationId)
    .nullsNotDistinct(),
  // Empty while no compaction is in flight: it finds the cells it brought to 0 through it.
  // (No CHECK (events >= 0): PostgreSQL checks the row an upsert proposes before it finds the
  // conflict, and a delta is negative. The compaction raises on a cell below 0 instead.)
  index('incident_rollup_empty_idx').on(t.events).where(sql`${t.events} <= 0`),
]);

/**
 * Each write statement's net change per cell, appended by the incidents triggers in the
 * writing transaction. Insert-only for writers, so writers of the same cell never wait for
 * each other (an upsert of the rollup row would hold it locked until commit); folded into the
 * rollup by whichever write finds no compaction running. No index: it holds only the changes
 * of transactions still open or committed during one compacting transaction.
 */
export const incidentRollupDelta = incidentsSchema.table('incident_rollup_delta', cellColumns());

/** What the statistics read: the rollup and the pending deltas, summed by the aggregates (a view: rollup UNION ALL delta). */
export const incidentCells = incidentsSchema.view('incident_cells', cellColumns()).existing();
