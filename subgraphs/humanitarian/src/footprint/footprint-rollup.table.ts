import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, text, unique } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/**
 * A cell's key: every column Mission.humanitarianFootprint selects or counts by (country, its
 * ONGOING status or the period an `activeOn` date falls in, the distinct organisations and
 * clusters). The footprint counts every 3W row (they are PUBLIC), as it did over the raw rows.
 */
const cellColumns = () => ({
  countryIso3: text('country_iso3').notNull(),
  organizationId: text('organization_id').notNull(),
  cluster: text('cluster').notNull(),
  status: text('status').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  activities: integer('activities').notNull(),
  targeted: bigint('targeted', { mode: 'number' }).notNull(),
  reached: bigint('reached', { mode: 'number' }).notNull(),
});

/**
 * 3W rows counted and summed per cell, for Mission.humanitarianFootprint (issue 19: no aggregate
 * over raw rows per request). The incidents rollup's design (migrations/humanitarian/0006_
 * footprint_rollup.sql): statement triggers append each write's net change per cell to the delta
 * and fold the deltas in unless another transaction is folding; read through `footprintCells`,
 * never alone. A cell whose count falls to 0 is deleted.
 */
export const footprintRollup = humanitarianSchema.table('footprint_rollup', cellColumns(), (t) => [
  unique('footprint_rollup_cell_uq').on(t.countryIso3, t.status, t.periodStart, t.periodEnd, t.organizationId, t.cluster),
  index('footprint_rollup_empty_idx').on(t.activities).where(sql`${t.activities} <= 0`),
]);

/** Each write statement's net change per cell, not yet folded into the rollup (insert-only for writers). */
export const footprintRollupDelta = humanitarianSchema.table('footprint_rollup_delta', cellColumns());

/** What the footprint reads: the rollup and the pending deltas (a view: rollup UNION ALL delta). */
export const footprintCells = humanitarianSchema.view('footprint_cells', cellColumns()).existing();
