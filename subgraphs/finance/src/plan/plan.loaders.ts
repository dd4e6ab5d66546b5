import DataLoader from 'dataloader';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { prepared, type Access, type Db } from '@peacegraph/kit';
import { totalledFlows } from '../funding-flow/funding-flow.scope';
import { fundingFlowCells as cells } from '../funding-flow/funding-flow-rollup.table';
import { planClusters, plans, type PlanClusterRow, type PlanRow } from './plan.table';

/** Plans by FTS id, one statement per batch. */
export function planByIdLoader(db: Db) {
  return new DataLoader<number, PlanRow | null>(async (ids) => {
    const rows = await db.select().from(plans).where(inArray(plans.id, [...ids]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Clusters of many plans, one statement per batch. */
export function clustersByPlanLoader(db: Db) {
  return new DataLoader<number, PlanClusterRow[]>(async (ids) => {
    const rows = await db.select().from(planClusters).where(inArray(planClusters.planId, [...ids])).orderBy(asc(planClusters.planId), asc(planClusters.cluster));
    return ids.map((id) => rows.filter((r) => r.planId === id));
  });
}

/**
 * Funding of many plans' statement (unsent; tests EXPLAIN it): as FTS defines it, the sum of
 * incoming paid and committed flows to the plan (pledges are not funding), over the flows a
 * total may count for this caller (`totalledFlows`: no unpublished amount comes back by
 * subtraction) — summed from the flow rollup and its deltas (funding_flow_cells), never the flows.
 */
export function planFundingQuery(db: Db, access: Access, ids: readonly number[]) {
  return db
    .select({ planId: cells.destinationPlanId, usd: sql<string>`sum(${cells.amountUsd})::text` })
    .from(cells)
    .where(
      and(
        inArray(cells.destinationPlanId, [...ids]),
        inArray(cells.status, ['paid', 'commitment']),
        sql`${cells.boundary} = 'incoming'`,
        totalledFlows(access, cells),
      ),
    )
    .groupBy(cells.destinationPlanId)
    .having(sql`sum(${cells.flows}) > 0`);
}

/** Funding of many plans (planFundingQuery), one statement per batch; '0' for a plan with none. */
export function planFundingLoader(db: Db, access: Access) {
  return new DataLoader<number, string>(async (ids) => {
    const rows = await planFundingQuery(db, access, ids);
    const byId = new Map(rows.map((r) => [r.planId, r.usd]));
    return ids.map((id) => byId.get(id) ?? '0');
  });
}

/** Plans of a country (any of its host countries) and year, by year and code. */
export function listPlans(db: Db, countryIso3: string | null | undefined, year: number | null | undefined): Promise<PlanRow[]> {
  const country = countryIso3 ? sql`${sql.placeholder('country')} = any(${plans.countryIso3})` : undefined;
  const inYear = year ? eq(plans.year, sql.placeholder('year')) : undefined;
  return prepared(db, `finance.listPlans:${!!country}:${!!inYear}`, () =>
    db.select().from(plans).where(and(country, inYear)).orderBy(asc(plans.year), asc(plans.code)),
  ).execute({ country: countryIso3?.toUpperCase(), year });
}

/** The plan with this code (the lowest FTS id if FTS lists it twice). */
export async function planByCode(db: Db, code: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(plans).where(eq(plans.code, code)).orderBy(asc(plans.id)).limit(1);
  return row ?? null;
}
