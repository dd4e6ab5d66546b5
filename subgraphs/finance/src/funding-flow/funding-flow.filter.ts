import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { fundingFlows } from './funding-flow.table';

/** The columns a flow filter reads: the flows' own, or a rollup cell's copies of them (same names). */
export interface FlowFilterColumns {
  destinationPlanId: AnyColumn;
  destinationPlanCode: AnyColumn;
  destinationLocations: AnyColumn;
  sourceOrganizationId: AnyColumn;
  destinationOrganizationId: AnyColumn;
  sourceOrganizationName: AnyColumn;
  destinationOrganizationName: AnyColumn;
  status: AnyColumn;
}

export interface FlowFilter {
  planId?: number | null;
  planCode?: string | null;
  destinationCountryIso3?: string | null;
  sourceOrganizationId?: string | null;
  destinationOrganizationId?: string | null;
  /** FTS names, for organisations outside the catalogue (case-insensitive, exact). */
  sourceOrganizationName?: string | null;
  destinationOrganizationName?: string | null;
  status?: string | null;
}

export function flowConditions(filter: FlowFilter, t: FlowFilterColumns = fundingFlows): SQL[] {
  const conditions: SQL[] = [];
  if (filter.planId !== undefined && filter.planId !== null) conditions.push(eq(t.destinationPlanId, filter.planId));
  if (filter.planCode) conditions.push(eq(t.destinationPlanCode, filter.planCode));
  if (filter.destinationCountryIso3) conditions.push(sql`${filter.destinationCountryIso3} = any(${t.destinationLocations})`);
  if (filter.sourceOrganizationId) conditions.push(eq(t.sourceOrganizationId, filter.sourceOrganizationId));
  if (filter.destinationOrganizationId) conditions.push(eq(t.destinationOrganizationId, filter.destinationOrganizationId));
  if (filter.sourceOrganizationName) conditions.push(sql`lower(${t.sourceOrganizationName}) = ${filter.sourceOrganizationName.toLowerCase()}`);
  if (filter.destinationOrganizationName) conditions.push(sql`lower(${t.destinationOrganizationName}) = ${filter.destinationOrganizationName.toLowerCase()}`);
  if (filter.status) conditions.push(eq(t.status, filter.status));
  return conditions;
}

export function flowWhere(filter: FlowFilter, ...extra: (SQL | undefined)[]): SQL | undefined {
  return and(...flowConditions(filter), ...extra);
}

/**
 * Totals that would attribute confidential flows to a donor (a filter on the source
 * organisation) leave them out; every other total counts them.
 */
export function totalsIncludeConfidential(filter: FlowFilter): boolean {
  return !filter.sourceOrganizationId && !filter.sourceOrganizationName;
}

/** Every key present (null when unset), so equal filters have equal cache keys. */
export function normalizeFilter(filter: FlowFilter): Required<FlowFilter> {
  return {
    planId: filter.planId ?? null,
    planCode: filter.planCode ?? null,
    destinationCountryIso3: filter.destinationCountryIso3 ?? null,
    sourceOrganizationId: filter.sourceOrganizationId ?? null,
    destinationOrganizationId: filter.destinationOrganizationId ?? null,
    sourceOrganizationName: filter.sourceOrganizationName ?? null,
    destinationOrganizationName: filter.destinationOrganizationName ?? null,
    status: filter.status ?? null,
  };
}
