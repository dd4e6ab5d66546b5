import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, text, unique } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * A cell's key: every column the flow totals and plan funding filter by and every column their
 * row scopes read (`visibleFlows`: owner and confidential flag; `totalledFlows`: also the
 * confidential reason and the origin), under the flow table's own property names, so the same
 * filter and scope functions apply to the cells unchanged.
 */
const cellColumns = () => ({
  origin: text('origin').notNull(),
  destinationPlanId: integer('destination_plan_id'),
  destinationPlanCode: text('destination_plan_code'),
  destinationLocations: text('destination_locations').array().notNull(),
  sourceOrganizationId: text('source_organization_id'),
  sourceOrganizationName: text('source_organization_name'),
  destinationOrganizationId: text('destination_organization_id'),
  destinationOrganizationName: text('destination_organization_name'),
  boundary: text('boundary').notNull(),
  status: text('status').notNull(),
  confidential: boolean('confidential').notNull(),
  confidentialReason: text('confidential_reason'),
  flows: integer('flows').notNull(),
  /** Exact: the sum of the cell's amount_usd, unbounded numeric. */
  amountUsd: numeric('amount_usd').notNull(),
});

/**
 * Funding flows counted and summed per cell, for `fundingFlows.totals` and `Plan.fundingUsd`
 * (issue 19: no aggregate over raw rows per request). The incidents rollup's design
 * (migrations/finance/0004_funding_flow_rollup.sql): statement triggers append each write's net
 * change per cell to the delta and fold the deltas in unless another transaction is folding;
 * read through `fundingFlowCells`, never alone. A cell whose count falls to 0 is deleted.
 */
export const fundingFlowRollup = financeSchema.table('funding_flow_rollup', cellColumns(), (t) => [
  unique('funding_flow_rollup_cell_uq')
    .on(
      t.destinationPlanId,
      t.status,
      t.boundary,
      t.sourceOrganizationId,
      t.destinationOrganizationId,
      t.destinationLocations,
      t.origin,
      t.confidential,
      t.confidentialReason,
      t.destinationPlanCode,
      t.sourceOrganizationName,
      t.destinationOrganizationName,
    )
    .nullsNotDistinct(),
  index('funding_flow_rollup_empty_idx').on(t.flows).where(sql`${t.flows} <= 0`),
]);

/** Each write statement's net change per cell, not yet folded into the rollup (insert-only for writers). */
export const fundingFlowRollupDelta = financeSchema.table('funding_flow_rollup_delta', cellColumns());

/** What the totals read: the rollup and the pending deltas (a view: rollup UNION ALL delta). */
export const fundingFlowCells = financeSchema.view('funding_flow_cells', cellColumns()).existing();
