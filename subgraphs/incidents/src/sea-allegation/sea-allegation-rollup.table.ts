import { sql } from 'drizzle-orm';
import { index, integer, text, unique } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';

/**
 * A cell's key: what seaAllegationStatistics groups and filters by. It applies no row scope (every
 * caller gets the same counts, each suppressed below the threshold), so no scope column is needed.
 */
const cellColumns = () => ({
  missionId: text('mission_id').notNull(),
  /** The year it was reported in. */
  year: integer('year').notNull(),
  allegations: integer('allegations').notNull(),
});

/**
 * SEA allegations counted per mission × year, for seaAllegationStatistics (issue 19: no aggregate
 * over raw rows per request). The incidents rollup's design (migrations/incidents/0006_sea_
 * allegation_rollup.sql): statement triggers append each write's net change per cell to the delta
 * and fold the deltas in unless another transaction is folding; read through `seaAllegationCells`,
 * never alone. A cell whose count falls to 0 is deleted.
 */
export const seaAllegationRollup = incidentsSchema.table('sea_allegation_rollup', cellColumns(), (t) => [
  unique('sea_allegation_rollup_cell_uq').on(t.missionId, t.year),
  index('sea_allegation_rollup_empty_idx').on(t.allegations).where(sql`${t.allegations} <= 0`),
]);

/** Each write statement's net change per cell, not yet folded into the rollup (insert-only for writers). */
export const seaAllegationRollupDelta = incidentsSchema.table('sea_allegation_rollup_delta', cellColumns());

/** What the statistics read: the rollup and the pending deltas (a view: rollup UNION ALL delta). */
export const seaAllegationCells = incidentsSchema.view('sea_allegation_cells', cellColumns()).existing();
