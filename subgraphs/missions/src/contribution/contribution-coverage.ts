import { sql } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { contributions } from './contribution.table';

/**
 * Years of the contributions file that cover the whole year. The source averages monthly
 * figures over 12 months whatever the months it holds, so a partial year reads as a sudden
 * drop: 2021 holds January only (MINUSCA 1,120 ≈ 13,440 / 12), 2010, 2012 and 2017 hold
 * some months. A year counts as complete when its total over all missions is at least this
 * share of the largest yearly total (real uniformed totals moved by less than 20% a year
 * over 2011–2020).
 */
export const COMPLETE_YEAR_SHARE = 0.8;

export interface YearCoverage {
  year: number;
  total: number;
  complete: boolean;
}

/** One statement: every year's total and whether it counts as complete. */
export async function contributionYearCoverage(db: Db): Promise<YearCoverage[]> {
  const rows = await db
    .select({ year: contributions.year, total: sql<string>`sum(${contributions.total})::text` })
    .from(contributions)
    .groupBy(contributions.year)
    .orderBy(contributions.year);
  const largest = Math.max(0, ...rows.map((row) => Number(row.total)));
  return rows.map((row) => ({ year: row.year, total: Number(row.total), complete: Number(row.total) >= COMPLETE_YEAR_SHARE * largest }));
}

/** Per request: the coverage, read once. */
export function yearCoverageLoader(db: Db): () => Promise<Map<number, boolean>> {
  let pending: Promise<Map<number, boolean>> | null = null;
  return () => {
    pending ??= contributionYearCoverage(db).then((rows) => new Map(rows.map((row) => [row.year, row.complete])));
    return pending;
  };
}
