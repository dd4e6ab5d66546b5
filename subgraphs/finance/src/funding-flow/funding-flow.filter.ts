import { and, eq, sql, type SQL } from 'drizzle-orm';
import { fundingFlows } from './funding-flow.table';

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

export function flowConditions(filter: FlowFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.planId !== undefined && filter.planId !== null) conditions.push(eq(fundingFlows.destinationPlanId, filter.planId));
  if (filter.planCode) conditions.push(eq(fundingFlows.destinationPlanCode, filter.planCode));
  if (filter.destinationCountryIso3) conditions.push(sql`${filter.destinationCountryIso3} = any(${fundingFlows.destinationLocations})`);
  if (filter.sourceOrganizationId) conditions.push(eq(fundingFlows.sourceOrganizationId, filter.sourceOrganizationId));
  if (filter.destinationOrganizationId) conditions.push(eq(fundingFlows.destinationOrganizationId, filter.destinationOrganizationId));
  if (filter.sourceOrganizationName) conditions.push(sql`lower(${fundingFlows.sourceOrganizationName}) = ${filter.sourceOrganizationName.toLowerCase()}`);
  if (filter.destinationOrganizationName) conditions.push(sql`lower(${fundingFlows.destinationOrganizationName}) = ${filter.destinationOrganizationName.toLowerCase()}`);
  if (filter.status) conditions.push(eq(fundingFlows.status, filter.status));
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
