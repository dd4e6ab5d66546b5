import DataLoader from 'dataloader';
import { and, asc, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { groupBy, type Db } from '@peacegraph/kit';
import { escortRequests as t } from '../escort-request/escort-request.table';
import { footprintCells as cells } from './footprint-rollup.table';

/** Open escort requests per mission, one grouped statement per batch. */
export function openEscortCountByMissionLoader(db: Db) {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await db
      .select({ missionId: t.missionId, n: count() })
      .from(t)
      .where(and(inArray(t.missionId, [...ids]), inArray(t.status, ['REQUESTED', 'APPROVED'])))
      .groupBy(t.missionId);
    const byId = new Map(rows.map((r) => [r.missionId, Number(r.n)]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}

export interface FootprintKey {
  countryIso3: string;
  /** The activities covering this date (YYYY-MM-DD); without it, the ONGOING ones. */
  activeOn: string | null;
}

/** A country's counted activities: people summed per organisation × cluster. */
export interface FootprintPart {
  organizationId: string;
  cluster: string;
  targeted: number;
  reached: number;
}

/**
 * The footprint statement for many countries and one `activeOn` (unsent; tests EXPLAIN it):
 * summed from the 3W rollup and its pending deltas (footprint_cells), never the 3W rows, so its
 * cost follows organisations × clusters × periods, not activities.
 */
export function footprintQuery(db: Db, countries: string[], activeOn: string | null) {
  return db
    .select({
      countryIso3: cells.countryIso3,
      organizationId: cells.organizationId,
      cluster: cells.cluster,
      targeted: sql<number>`sum(${cells.targeted})::float8`,
      reached: sql<number>`sum(${cells.reached})::float8`,
    })
    .from(cells)
    .where(
      and(
        inArray(cells.countryIso3, countries),
        ...(activeOn ? [lte(cells.periodStart, activeOn), gte(cells.periodEnd, activeOn)] : [eq(cells.status, 'ONGOING')]),
      ),
    )
    .groupBy(cells.countryIso3, cells.organizationId, cells.cluster)
    .having(sql`sum(${cells.activities}) > 0`)
    .orderBy(asc(cells.countryIso3), asc(cells.organizationId), asc(cells.cluster));
}

/** Footprint parts of many countries, one statement per `activeOn` of the batch. */
export function footprintByCountryLoader(db: Db) {
  return new DataLoader<FootprintKey, FootprintPart[], string>(
    async (keys) => {
      const parts = new Map<string, FootprintPart[]>();
      await Promise.all(
        [...groupBy(keys, (k) => k.activeOn)].map(async ([activeOn, group]) => {
          const rows = await footprintQuery(db, [...new Set(group.map((k) => k.countryIso3))], activeOn);
          for (const [countryIso3, own] of groupBy(rows, (r) => r.countryIso3)) {
            parts.set(footprintKey({ countryIso3, activeOn }), own.map(({ countryIso3: _c, ...part }) => ({ ...part, targeted: Number(part.targeted), reached: Number(part.reached) })));
          }
        }),
      );
      return keys.map((k) => parts.get(footprintKey(k)) ?? []);
    },
    { cacheKeyFn: footprintKey },
  );
}

function footprintKey(k: FootprintKey): string {
  return `${k.countryIso3}|${k.activeOn ?? ''}`;
}
