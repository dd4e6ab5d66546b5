import DataLoader from 'dataloader';
import { and, asc, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Access, Db } from '@peacegraph/kit';
import { fromCents, toCents } from '../money/decimal';
import { flowConditions, flowWhere, totalsIncludeConfidential, type FlowFilter } from './funding-flow.filter';
import { servable, visibleFlows } from './funding-flow.scope';
import { fundingFlows, type FundingFlowRow } from './funding-flow.table';
import type { FundingTotals } from './funding-flow.type';

/** A page of the flows this caller may see, in id order (keyset). Two statements at most. */
export async function listFlows(db: Db, access: Access, filter: FlowFilter, after: string | null, limit: number): Promise<FundingFlowRow[]> {
  const rows = await db
    .select()
    .from(fundingFlows)
    .where(flowWhere(filter, visibleFlows(access), after ? gt(fundingFlows.id, after) : undefined))
    .orderBy(asc(fundingFlows.id))
    .limit(limit + 1);
  return servable(access, rows);
}

/** Flows by id for this caller, one statement per batch. */
export function flowByIdLoader(db: Db, access: Access) {
  return new DataLoader<string, FundingFlowRow | null>(async (ids) => {
    const rows = servable(access, await db.select().from(fundingFlows).where(and(inArray(fundingFlows.id, [...ids]), visibleFlows(access))));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export type OrganizationSide = 'source' | 'destination';
export interface OrganizationFlowsKey {
  organizationId: string;
  side: OrganizationSide;
  status: string | null;
  after: string | null;
  limit: number;
}

/**
 * Pages of flows for many organisations at once: one statement per (side, status, cursor,
 * size) — row_number() partitions by organisation, so 100 organisations cost one query.
 */
export function flowPagesByOrganizationLoader(db: Db, access: Access) {
  return new DataLoader<OrganizationFlowsKey, FundingFlowRow[], string>(
    async (keys) => {
      const groups = new Map<string, OrganizationFlowsKey[]>();
      for (const key of keys) {
        const shape = JSON.stringify([key.side, key.status, key.after, key.limit]);
        groups.set(shape, [...(groups.get(shape) ?? []), key]);
      }
      const results = new Map<string, FundingFlowRow[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { side, status, after, limit } = group[0]!;
          const column = side === 'source' ? fundingFlows.sourceOrganizationId : fundingFlows.destinationOrganizationId;
          const ranked = db
            .select({ ...getTableColumns(fundingFlows), rank: sql<number>`row_number() over (partition by ${column} order by ${fundingFlows.id})`.as('rank') })
            .from(fundingFlows)
            .where(
              and(
                inArray(column, group.map((k) => k.organizationId)),
                visibleFlows(access),
                status ? eq(fundingFlows.status, status) : undefined,
                after ? gt(fundingFlows.id, after) : undefined,
              ),
            )
            .as('ranked');
          const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${limit + 1}`).orderBy(asc(ranked.id));
          const flows = servable(access, rows.map(({ rank: _rank, ...row }) => row as FundingFlowRow));
          for (const key of group) {
            const own = flows.filter((f) => (side === 'source' ? f.sourceOrganizationId : f.destinationOrganizationId) === key.organizationId);
            results.set(cacheKey(key), own);
          }
        }),
      );
      return keys.map((k) => results.get(cacheKey(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

function cacheKey(k: OrganizationFlowsKey): string {
  return JSON.stringify([k.organizationId, k.side, k.status, k.after, k.limit]);
}

interface TotalsRow {
  groupKey: string | null;
  status: string;
  n: number;
  usd: string;
}

function toTotals(rows: TotalsRow[], includesConfidential: boolean): FundingTotals {
  let pledged = 0n;
  let committed = 0n;
  let paid = 0n;
  let count = 0;
  for (const r of rows) {
    const cents = toCents(r.usd);
    count += Number(r.n);
    if (r.status === 'pledge') pledged += cents;
    else if (r.status === 'commitment') committed += cents;
    else if (r.status === 'paid') paid += cents;
  }
  return {
    flowCount: count,
    pledgedUsd: fromCents(pledged),
    committedUsd: fromCents(committed),
    paidUsd: fromCents(paid),
    fundingUsd: fromCents(committed + paid),
    includesConfidential,
  };
}

/**
 * Totals per filter. Filters that differ only in the organisation are summed in one
 * GROUP BY statement (a page of organisations → one query); sums are exact numeric in SQL.
 */
export function flowTotalsLoader(db: Db, access: Access) {
  return new DataLoader<FlowFilter, FundingTotals, string>(
    async (filters) => {
      const groups = new Map<string, FlowFilter[]>();
      for (const f of filters) {
        const side = f.sourceOrganizationId ? 'source' : f.destinationOrganizationId ? 'destination' : 'none';
        const shape = JSON.stringify([side, { ...f, sourceOrganizationId: null, destinationOrganizationId: null }]);
        groups.set(shape, [...(groups.get(shape) ?? []), f]);
      }
      const out = new Map<string, FundingTotals>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0]!;
          const includesConfidential = totalsIncludeConfidential(first);
          const column = first.sourceOrganizationId ? fundingFlows.sourceOrganizationId : first.destinationOrganizationId ? fundingFlows.destinationOrganizationId : null;
          const base = flowConditions({ ...first, sourceOrganizationId: null, destinationOrganizationId: null });
          const conditions: SQL[] = [...base];
          if (column) conditions.push(inArray(column, group.map((f) => (f.sourceOrganizationId ?? f.destinationOrganizationId)!)));
          if (!includesConfidential) conditions.push(visibleFlows(access));
          const groupKey = column ?? sql<string>`null`;
          const rows = (await db
            .select({ groupKey: sql<string | null>`${groupKey}`, status: fundingFlows.status, n: sql<number>`count(*)::int`, usd: sql<string>`sum(${fundingFlows.amountUsd})::text` })
            .from(fundingFlows)
            .where(and(...conditions))
            .groupBy(sql`1`, fundingFlows.status)) as TotalsRow[];
          for (const f of group) {
            const org = f.sourceOrganizationId ?? f.destinationOrganizationId ?? null;
            out.set(JSON.stringify(f), toTotals(column ? rows.filter((r) => r.groupKey === org) : rows, includesConfidential));
          }
        }),
      );
      return filters.map((f) => out.get(JSON.stringify(f))!);
    },
    { cacheKeyFn: (f) => JSON.stringify(f) },
  );
}
