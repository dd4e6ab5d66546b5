import DataLoader from 'dataloader';
import { and, asc, eq, getTableColumns, gt, inArray, max, sql, type SQL } from 'drizzle-orm';
import { groupBy, type Db } from '@peacegraph/kit';
import { deploymentSiteContributors, deploymentSites, type DeploymentSiteContributorRow, type DeploymentSiteRow } from './deployment-site.table';

export type SiteWithCurrentFlag = DeploymentSiteRow & { isCurrent: boolean; identifiesCurrent: boolean };

/**
 * Linkage across rows: an earlier row of a site that is a current position (same mission and
 * place name, or a point within 0.01° ≈ 1 km of a current site of the mission) would give the
 * current site's exact point one join away, so it is treated as the current position itself.
 */
/**
 * A column of the outer row, qualified: drizzle renders columns of a single-table query
 * unqualified, and inside a subquery over the same table that would name the subquery's row.
 */
const outer = (column: string) => sql.raw(`"deployment_sites"."${column}"`);

const identifiesCurrent = sql<boolean>`exists (select 1 from ${deploymentSites} c
  where c.year = (select max(m.year) from ${deploymentSites} m) and c.mission_id = ${outer('mission_id')}
    and (c.location = ${outer('location')} or (abs(c.latitude - ${outer('latitude')}) < 0.01 and abs(c.longitude - ${outer('longitude')}) < 0.01)))`;
const siteColumns = { ...getTableColumns(deploymentSites), identifiesCurrent };

/** The latest year in the Geo-PKO data: its sites are current positions. One statement per request. */
export function latestDeploymentYearLoader(db: Db): () => Promise<number | null> {
  let pending: Promise<number | null> | null = null;
  return () => {
    pending ??= db
      .select({ year: max(deploymentSites.year) })
      .from(deploymentSites)
      .then(([row]) => row?.year ?? null);
    return pending;
  };
}

/**
 * Sites per mission for a year, or for each mission's latest year when `year` is null: one
 * statement per distinct year asked in the batch (usually one), however many missions.
 */
export function sitesByMissionLoader(db: Db, latestYear: () => Promise<number | null>) {
  return new DataLoader<{ missionId: string; year: number | null }, SiteWithCurrentFlag[], string>(
    async (keys) => {
      const groups = groupBy(keys, (key) => key.year);
      const current = await latestYear();
      const rows = (
        await Promise.all(
          [...groups].map(([year, group]) => {
            const missionIds = group.map((key) => key.missionId);
            const yearCondition =
              year === null
                ? sql`${deploymentSites.year} = (select max(d.year) from ${deploymentSites} d where d.mission_id = ${outer('mission_id')})`
                : eq(deploymentSites.year, year);
            return db
              .select(siteColumns)
              .from(deploymentSites)
              .where(and(inArray(deploymentSites.missionId, missionIds), yearCondition))
              .orderBy(asc(deploymentSites.location))
              .then((found) => found.map((row) => ({ ...row, askedYear: year })));
          }),
        )
      ).flat();
      return keys.map((key) =>
        rows.filter((row) => row.missionId === key.missionId && row.askedYear === key.year).map(({ askedYear: _y, ...row }) => ({ ...row, isCurrent: row.year === current })),
      );
    },
    { cacheKeyFn: (key) => `${key.missionId}|${key.year ?? 'latest'}` },
  );
}

/** Contributors of each site in the source's order: one statement per batch of sites. */
export function contributorsBySiteLoader(db: Db) {
  return new DataLoader<number, DeploymentSiteContributorRow[]>(async (siteIds) => {
    const rows = await db
      .select()
      .from(deploymentSiteContributors)
      .where(inArray(deploymentSiteContributors.siteId, [...siteIds]))
      .orderBy(asc(deploymentSiteContributors.position));
    return siteIds.map((id) => rows.filter((row) => row.siteId === id));
  });
}

export interface SiteFilter {
  missionId?: string | null;
  year?: number | null;
  contributorIso3?: string | null;
}

/** A page of sites in id order (keyset: stable under inserts). */
export async function listSites(db: Db, filter: SiteFilter, after: number | null, limit: number, latestYear: number | null): Promise<SiteWithCurrentFlag[]> {
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(deploymentSites.missionId, filter.missionId.toUpperCase()));
  if (filter.year) conditions.push(eq(deploymentSites.year, filter.year));
  if (filter.contributorIso3) {
    conditions.push(
      sql`exists (select 1 from ${deploymentSiteContributors} c where c.site_id = ${deploymentSites.id} and c.contributor_iso3 = ${filter.contributorIso3.toUpperCase()})`,
    );
  }
  if (after !== null) conditions.push(gt(deploymentSites.id, after));
  const rows = await db
    .select(siteColumns)
    .from(deploymentSites)
    .where(and(...conditions))
    .orderBy(asc(deploymentSites.id))
    .limit(limit + 1);
  return rows.map((row) => ({ ...row, isCurrent: row.year === latestYear }));
}
