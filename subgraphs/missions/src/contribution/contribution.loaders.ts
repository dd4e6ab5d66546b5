import DataLoader from 'dataloader';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { anyOf, prepared, type Db } from '@peacegraph/kit';
import { contributions, type ContributionRow } from './contribution.table';

/**
 * Contributions per mission for one year, largest first: one statement per (batch, year),
 * so 50 missions' contributors cost one query, not fifty.
 */
export function contributionsByMissionLoader(db: Db) {
  return new DataLoader<{ missionId: string; year: number }, ContributionRow[], string>(
    async (keys) => {
      const years = [...new Set(keys.map((k) => k.year))];
      const rows = (
        await Promise.all(
          years.map((year) =>
            prepared(db, 'missions.contributionsByMission', () =>
              db
                .select()
                .from(contributions)
                .where(and(eq(contributions.year, sql.placeholder('year')), anyOf(contributions.missionId, 'missionIds')))
                .orderBy(desc(contributions.total)),
            ).execute({ year, missionIds: keys.filter((k) => k.year === year).map((k) => k.missionId) }),
          ),
        )
      ).flat();
      return keys.map((k) => rows.filter((r) => r.missionId === k.missionId && r.year === k.year));
    },
    { cacheKeyFn: (k) => `${k.missionId}|${k.year}` },
  );
}

export interface DeployedTotals {
  year: number;
  female: string;
  male: string;
  total: string;
}

/** Uniformed personnel deployed per mission and year, summed over contributors, oldest year first: one statement per batch of missions. */
export function deployedByMissionLoader(db: Db) {
  return new DataLoader<string, DeployedTotals[]>(async (missionIds) => {
    const rows = await db
      .select({
        missionId: contributions.missionId,
        year: contributions.year,
        female: sql<string>`sum(${contributions.female})::text`,
        male: sql<string>`sum(${contributions.male})::text`,
        total: sql<string>`sum(${contributions.total})::text`,
      })
      .from(contributions)
      .where(inArray(contributions.missionId, [...missionIds]))
      .groupBy(contributions.missionId, contributions.year)
      .orderBy(asc(contributions.year));
    return missionIds.map((id) => rows.filter((row) => row.missionId === id).map(({ missionId: _m, ...totals }) => totals));
  });
}

export interface ContributorRankRow {
  rank: number;
  contributorIso3: string | null;
  contributorName: string;
  missionCount: number;
  female: string;
  male: string;
  total: string;
}

/** Contributing countries ranked by uniformed personnel in a year, for one mission or all: one statement. */
export function rankContributors(db: Db, year: number, missionId: string | null, top: number | null): Promise<ContributorRankRow[]> {
  const total = sql`sum(${contributions.total})`;
  const query = db
    .select({
      rank: sql<number>`(rank() over (order by ${total} desc))::int`,
      contributorIso3: contributions.contributorIso3,
      contributorName: contributions.contributorName,
      missionCount: sql<number>`count(distinct ${contributions.missionId})::int`,
      female: sql<string>`sum(${contributions.female})::text`,
      male: sql<string>`sum(${contributions.male})::text`,
      total: sql<string>`${total}::text`,
    })
    .from(contributions)
    .where(and(eq(contributions.year, year), missionId ? eq(contributions.missionId, missionId) : undefined))
    .groupBy(contributions.contributorIso3, contributions.contributorName)
    .orderBy(desc(total), asc(contributions.contributorName));
  return top ? query.limit(top) : query;
}

/** Uniformed personnel each country contributed per year over all missions, oldest first: one statement per batch of countries. */
export function contributedByCountryLoader(db: Db) {
  return new DataLoader<string, DeployedTotals[]>(async (iso3s) => {
    const rows = await db
      .select({
        iso3: contributions.contributorIso3,
        year: contributions.year,
        female: sql<string>`sum(${contributions.female})::text`,
        male: sql<string>`sum(${contributions.male})::text`,
        total: sql<string>`sum(${contributions.total})::text`,
      })
      .from(contributions)
      .where(inArray(contributions.contributorIso3, [...iso3s]))
      .groupBy(contributions.contributorIso3, contributions.year)
      .orderBy(asc(contributions.year));
    return iso3s.map((iso3) => rows.filter((row) => row.iso3 === iso3).map(({ iso3: _c, ...totals }) => totals));
  });
}
