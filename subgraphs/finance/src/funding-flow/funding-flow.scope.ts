import { and, eq, like, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { DataClass, rowFilter, type Access } from '@peacegraph/kit';
import { fundingFlows, type FundingFlowRow } from './funding-flow.table';
import { FundingFlow } from './funding-flow.type';

/**
 * The one rule for which flows a caller may list: every non-confidential flow, and a
 * DONOR_CONFIDENTIAL flow only for its donor (owner = source organisation) or a holder of
 * DONOR_CONFIDENTIAL (UN finance roles by agreement). Applied in SQL so other rows never
 * leave the database.
 */
export function visibleFlows(access: Access, table: object = fundingFlows): SQL {
  return rowFilter(access, FundingFlow, table);
}

/**
 * Second check in process, and the audit record for every confidential flow served: a row
 * the SQL let through but the policy refuses is dropped, never served.
 */
export function servable(access: Access, rows: FundingFlowRow[]): FundingFlowRow[] {
  return rows.filter(
    (row) =>
      !row.confidential ||
      access.decide(DataClass.DONOR_CONFIDENTIAL, { ownerOrganizationId: row.sourceOrganizationId }, { entityType: 'FundingFlow', entityId: row.id, field: '(row)' }),
  );
}

/**
 * The flows a total may count for this caller: the ones it may list, and anonymous-donor
 * flows imported from FTS — FTS itself publishes their amounts (under "anonymous"), so a total
 * minus the visible rows gives nothing FTS does not. An unpublished pledge, or an anonymous
 * flow recorded here, counts only for those who may list it: otherwise "total − visible rows"
 * would give its amount back. `table` is the flows or a rollup cell with the same columns.
 */
export function totalledFlows(access: Access, table: { confidentialReason: AnyColumn; origin: AnyColumn } = fundingFlows): SQL {
  return or(visibleFlows(access, table), and(eq(table.confidentialReason, 'ANONYMOUS_DONOR'), like(table.origin, 'fts:%')))!;
}
