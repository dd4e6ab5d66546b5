import DataLoader from 'dataloader';
import { and, asc, eq, getTableColumns, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { groupBy, type Access, type Db } from '@peacegraph/kit';
import { formatThousandths, toThousandths } from '../money/decimal';
import { fundingFlowCells as cells } from './funding-flow-rollup.table';
import { flowConditions, flowWhere, totalsIncludeConfidential, type FlowFilter } from './funding-flow.filter';
import { servable, totalledFlows, visibleFlows } from './funding-flow.scope';
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

export type FlowOwnerSide = 'source' | 'destination' | 'plan';
export interface FlowPageKey {
  /** Whose flows: a donor's (source), a recipient's (destination) or a plan's. */
  side: FlowOwnerSide;
  /** Organisation id, or the plan id as a string. */
  value: string;
  status: string | null;
  after: string | null;
  limit: number;
}

/** The owner column of a side, on the flows or on the rollup cells (same column names). */
function sideColumn(side: FlowOwnerSide, table: typeof fundingFlows | typeof cells = fundingFlows) {
  return side === 'source' ? table.sourceOrganizationId : side === 'destination' ? table.destinationOrganizationId : table.destinationPlanId;
}

function sideValue(side: FlowOwnerSide, row: FundingFlowRow): string | null {
  const v = side === 'source' ? row.sourceOrganizationId : side === 'destination' ? row.destinationOrganizationId : row.destinationPlanId;
  return v === null ? null : String(v);
}

/**
 * Pages of flows for many organisations or plans at once: one statement per (side, status,
 * cursor, size) — row_number() partitions by owner, so 100 organisations cost one query.
 */
export function flowPagesLoader(db: Db, access: Access) {
  return new DataLoader<FlowPageKey, FundingFlowRow[], string>(
    async (keys) => {
      const groups = groupBy(keys, (key) => JSON.stringify([key.side, key.status, key.after, key.limit]));
      const results = new Map<string, FundingFlowRow[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { side, status, after, limit } = group[0]!;
          const column = sideColumn(side);
          const values = group.map((k) => (side === 'plan' ? Number(k.value) : k.value));
          const ranked = db
            .select({ ...getTableColumns(fundingFlows), rank: sql<number>`row_number() over (partition by ${column} order by ${fundingFlows.id})`.as('rank') })
            .from(fundingFlows)
            .where(
              and(
                inArray(column, values as never[]),
                visibleFlows(access),
                status ? eq(fundingFlows.status, status) : undefined,
                after ? gt(fundingFlows.id, after) : undefined,
              ),
            )
            .as('ranked');
          const rows = await db.select().from(ranked).where(sql`${ranked.rank} <= ${limit + 1}`).orderBy(asc(ranked.id));
          const flows = servable(access, rows.map(({ rank: _rank, ...row }) => row as FundingFlowRow));
          for (const key of group) results.set(pageKey(key), flows.filter((f) => sideValue(side, f) === key.value));
        }),
      );
      return keys.map((k) => results.get(pageKey(k)) ?? []);
    },
    { cacheKeyFn: pageKey },
  );
}

function pageKey(k: FlowPageKey): string {
  return JSON.stringify([k.side, k.value, k.status, k.after, k.limit]);
}

interface TotalsRow {
  groupKey: string | null;
  status: string;
  n: number;
  usd: string;
}

/** Which owner column a totals filter is keyed by (filters differing only in it share one GROUP BY). */
function ownerSideOf(f: FlowFilter): FlowOwnerSide | null {
  return f.sourceOrganizationId ? 'source' : f.destinationOrganizationId ? 'destination' : f.planId !== null && f.planId !== undefined ? 'plan' : null;
}

function ownerValueOf(f: FlowFilter, side: FlowOwnerSide): string | number {
  return side === 'source' ? f.sourceOrganizationId! : side === 'destination' ? f.destinationOrganizationId! : f.planId!;
}

function toTotals(rows: TotalsRow[], includesConfidential: boolean): FundingTotals {
  let pledged = 0n;
  let committed = 0n;
  let paid = 0n;
  let count = 0;
  for (const r of rows) {
    const usd = toThousandths(r.usd);
    count += Number(r.n);
    if (r.status === 'pledge') pledged += usd;
    else if (r.status === 'commitment') committed += usd;
    else if (r.status === 'paid') paid += usd;
  }
  return {
    flowCount: count,
    pledgedUsd: formatThousandths(pledged, 'USD'),
    committedUsd: formatThousandths(committed, 'USD'),
    paidUsd: formatThousandths(paid, 'USD'),
    fundingUsd: formatThousandths(committed + paid, 'USD'),
    includesConfidential,
  };
}

/**
 * The totals statement of filters that differ only in the organisation or plan (unsent; tests
 * EXPLAIN it): summed from the rollup and its pending deltas (funding_flow_cells), never the
 * flows, so its cost follows the cells, not the flows. The filter and the caller's scope are
 * the flows' own functions applied to the cells' copies of the columns they read, so the sums
 * are exactly those of the raw rows.
 */
export function flowTotalsQuery(db: Db, access: Access, group: FlowFilter[]) {
  const first = group[0]!;
  const side = ownerSideOf(first);
  const column = side ? sideColumn(side, cells) : null;
  const conditions: SQL[] = flowConditions({ ...first, sourceOrganizationId: null, destinationOrganizationId: null, planId: null }, cells);
  if (side && column) conditions.push(inArray(column, group.map((f) => ownerValueOf(f, side)) as never[]));
  conditions.push(totalsIncludeConfidential(first) ? totalledFlows(access, cells) : visibleFlows(access, cells));
  const groupKey = column ?? sql<string>`null`;
  return db
    .select({ groupKey: sql<string | null>`${groupKey}`, status: cells.status, n: sql<number>`sum(${cells.flows})::int`, usd: sql<string>`sum(${cells.amountUsd})::text` })
    .from(cells)
    .where(and(...conditions))
    .groupBy(sql`1`, cells.status)
    .having(sql`sum(${cells.flows}) > 0`);
}

/**
 * Totals per filter. Filters that differ only in the organisation are summed in one
 * GROUP BY statement (a page of organisations → one query); sums are exact numeric in SQL.
 */
export function flowTotalsLoader(db: Db, access: Access) {
  return new DataLoader<FlowFilter, FundingTotals, string>(
    async (filters) => {
      const groups = groupBy(filters, (f) => JSON.stringify([ownerSideOf(f), { ...f, sourceOrganizationId: null, destinationOrganizationId: null, planId: null }]));
      const out = new Map<string, FundingTotals>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const side = ownerSideOf(group[0]!);
          const includesConfidential = totalsIncludeConfidential(group[0]!);
          const rows = (await flowTotalsQuery(db, access, group)) as TotalsRow[];
          for (const f of group) {
            const owner = side ? String(ownerValueOf(f, side)) : null;
            out.set(JSON.stringify(f), toTotals(side ? rows.filter((r) => String(r.groupKey) === owner) : rows, includesConfidential));
          }
        }),
      );
      return filters.map((f) => out.get(JSON.stringify(f))!);
    },
    { cacheKeyFn: (f) => JSON.stringify(f) },
  );
}
