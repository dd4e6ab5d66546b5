import DataLoader from 'dataloader';
import { asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { authorizedStrengths, type AuthorizedStrengthRow } from './authorized-strength.table';

/** Ceilings of each resolution, totals before their parts: one statement per batch of resolutions. */
export function strengthsByResolutionLoader(db: Db) {
  return new DataLoader<string, AuthorizedStrengthRow[]>(async (symbols) => {
    const rows = await db
      .select()
      .from(authorizedStrengths)
      .where(inArray(authorizedStrengths.resolutionSymbol, [...symbols]))
      .orderBy(sql`${authorizedStrengths.includedIn} nulls first`, asc(authorizedStrengths.personnelType));
    return symbols.map((symbol) => rows.filter((row) => row.resolutionSymbol === symbol));
  });
}
