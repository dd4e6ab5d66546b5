import { sql } from 'drizzle-orm';
import { index, integer, text, unique } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/** A cell's key: every column accessConstraintCounts groups or filters by and every column the row scope (AccessConstraint's @ScopedBy) reads. */
const cellColumns = () => ({
  countryIso3: text('country_iso3').notNull(),
  missionId: text('mission_id'),
  admin1Pcode: text('admin1_pcode').notNull(),
  adminAreaPcode: text('admin_area_pcode').notNull(),
  /** 'YYYY-MM' of the date it occurred on. */
  month: text('month').notNull(),
  constraintType: text('constraint_type').notNull(),
  reportingOrganizationId: text('reporting_organization_id').notNull(),
  constraints: integer('constraints').notNull(),
});

/**
 * Access constraints counted per cell, for accessConstraintCounts (issue 19: no aggregate over
 * raw rows per request). The incidents rollup's design (migrations/humanitarian/0005_access_
 * constraint_rollup.sql): statement triggers append each write's net change per cell to the
 * delta, and fold the deltas in unless another transaction is folding; read through
 * `accessConstraintCells`, never alone. A cell whose count falls to 0 is deleted.
 */
export const accessConstraintRollup = humanitarianSchema.table('access_constraint_rollup', cellColumns(), (t) => [
  unique('access_constraint_rollup_cell_uq')
    .on(t.countryIso3, t.admin1Pcode, t.month, t.constraintType, t.missionId, t.adminAreaPcode, t.reportingOrganizationId)
    .nullsNotDistinct(),
  index('access_constraint_rollup_empty_idx').on(t.constraints).where(sql`${t.constraints} <= 0`),
]);

/** Each write statement's net change per cell, not yet folded into the rollup (insert-only for writers). */
export const accessConstraintRollupDelta = humanitarianSchema.table('access_constraint_rollup_delta', cellColumns());

/** What accessConstraintCounts reads: the rollup and the pending deltas (a view: rollup UNION ALL delta). */
export const accessConstraintCells = humanitarianSchema.view('access_constraint_cells', cellColumns()).existing();
