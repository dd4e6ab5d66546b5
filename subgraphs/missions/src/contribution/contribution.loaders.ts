import DataLoader from 'dataloader';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
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
            db
              .select()
              .from(contributions)
              .where(and(eq(contributions.year, year), inArray(contributions.missionId, keys.filter((k) => k.year === year).map((k) => k.missionId))))
              .orderBy(desc(contributions.total)),
          ),
        )
      ).flat();
      return keys.map((k) => rows.filter((r) => r.missionId === k.missionId && r.year === k.year));
    },
    { cacheKeyFn: (k) => `${k.missionId}|${k.year}` },
  );
}
