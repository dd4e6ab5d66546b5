import DataLoader from 'dataloader';
import { and, asc, eq, gt, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import { groupBy, rowFilter, type Access, type Db } from '@peacegraph/kit';
import { areaPagesLoader } from '../area-pages';
import { operationalPresence as t, type OperationalPresenceRow } from './operational-presence.table';
import { OperationalPresence } from './operational-presence.type';

export interface PresenceFilter {
  countryIso3?: string | null;
  adminAreaPcode?: string | null;
  cluster?: string | null;
  organizationId?: string | null;
  status?: string | null;
  activeOn?: string | null;
}

/**
 * One 3W row by id, uncached: for writes (which decide ownership themselves, authz.ts) and for
 * reading a row back right after writing it.
 */
export async function presenceRowById(db: Db, id: string): Promise<OperationalPresenceRow | null> {
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return row ?? null;
}

function filterConditions(filter: PresenceFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.countryIso3) conditions.push(eq(t.countryIso3, filter.countryIso3.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(t.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.cluster) conditions.push(eq(t.cluster, filter.cluster));
  if (filter.organizationId) conditions.push(eq(t.organizationId, filter.organizationId));
  if (filter.status) conditions.push(eq(t.status, filter.status));
  if (filter.activeOn) conditions.push(lte(t.periodStart, filter.activeOn), gte(t.periodEnd, filter.activeOn));
  return conditions;
}

/**
 * A page of 3W rows in id order (keyset). 3W rows are PUBLIC, so every caller gets the same
 * rows; `access` is taken anyway so the export and the graph share one scoped entry point.
 */
export function listOperationalPresence(
  db: Db,
  access: Access,
  filter: PresenceFilter,
  after: string | null,
  limit: number,
): Promise<OperationalPresenceRow[]> {
  const conditions = filterConditions(filter);
  if (after) conditions.push(gt(t.id, after));
  conditions.push(rowFilter(access, OperationalPresence, t));
  return db
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(asc(t.id))
    .limit(limit + 1);
}


export interface PresenceByCountryKey {
  countryIso3: string;
  cluster: string | null;
  activeOn: string | null;
}

/**
 * 3W rows of many countries (a page of missions' host countries), one statement per
 * (batch, filter): the filters are the same for every mission of one query.
 */
export function presenceByCountryLoader(db: Db) {
  return new DataLoader<PresenceByCountryKey, OperationalPresenceRow[], string>(
    async (keys) => {
      const groups = groupBy(keys, (key) => `${key.cluster ?? ''}|${key.activeOn ?? ''}`);
      const rows = (
        await Promise.all(
          [...groups.values()].map((group) => {
            const first = group[0]!;
            return db
              .select()
              .from(t)
              .where(
                and(
                  inArray(t.countryIso3, [...new Set(group.map((k) => k.countryIso3))]),
                  ...filterConditions({ cluster: first.cluster, activeOn: first.activeOn }),
                ),
              )
              .orderBy(asc(t.id));
          }),
        )
      ).flat();
      return keys.map((k) =>
        rows.filter(
          (r) =>
            r.countryIso3 === k.countryIso3 &&
            (!k.cluster || r.cluster === k.cluster) &&
            (!k.activeOn || (r.periodStart <= k.activeOn && r.periodEnd >= k.activeOn)),
        ),
      );
    },
    { cacheKeyFn: (k) => `${k.countryIso3}|${k.cluster ?? ''}|${k.activeOn ?? ''}` },
  );
}

/** A page of 3W rows in each of many areas or inside them, one statement per batch (row scope as listOperationalPresence's). */
export function presencePagesByAreaLoader(db: Db, access: Access) {
  return areaPagesLoader(db, t, rowFilter(access, OperationalPresence, t));
}

/** 3W rows by id (PUBLIC rows: no scope needed), one statement per batch. */
export function presenceByIdLoader(db: Db) {
  return new DataLoader<string, OperationalPresenceRow | null>(async (ids) => {
    const rows = await db.select().from(t).where(inArray(t.id, [...ids]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
