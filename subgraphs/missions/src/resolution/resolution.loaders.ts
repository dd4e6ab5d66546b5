import DataLoader from 'dataloader';
import { asc, eq } from 'drizzle-orm';
import { anyOf, prepared, type Db } from '@peacegraph/kit';
import { securityCouncilResolutions, type SecurityCouncilResolutionRow } from './resolution.table';

/** Each mission's resolutions, oldest first (its mandate history): one statement per batch of missions. */
export function resolutionsByMissionLoader(db: Db) {
  return new DataLoader<string, SecurityCouncilResolutionRow[]>(async (missionIds) => {
    const r = securityCouncilResolutions;
    const rows = await prepared(db, 'missions.resolutionsByMission', () =>
      db.select().from(r).where(anyOf(r.missionId, 'missionIds')).orderBy(asc(r.adoptedOn), asc(r.number)),
    ).execute({ missionIds });
    return missionIds.map((id) => rows.filter((row) => row.missionId === id));
  });
}

/** One resolution by symbol, uncached: for writes, and for reading a row back right after writing it. */
export async function resolutionRowBySymbol(db: Db, symbol: string): Promise<SecurityCouncilResolutionRow | null> {
  const [row] = await db.select().from(securityCouncilResolutions).where(eq(securityCouncilResolutions.symbol, symbol));
  return row ?? null;
}

/** Resolutions by symbol: one statement per batch. */
export function resolutionBySymbolLoader(db: Db) {
  return new DataLoader<string, SecurityCouncilResolutionRow | null>(async (symbols) => {
    const rows = await prepared(db, 'missions.resolutionBySymbol', () =>
      db.select().from(securityCouncilResolutions).where(anyOf(securityCouncilResolutions.symbol, 'symbols')),
    ).execute({ symbols });
    const bySymbol = new Map(rows.map((row) => [row.symbol, row]));
    return symbols.map((symbol) => bySymbol.get(symbol) ?? null);
  });
}

/** The resolution in force on a date: the latest adopted on or before it (history is oldest first). */
export function resolutionInForce<T extends { adoptedOn: string }>(history: readonly T[], on: string): T | null {
  let found: T | null = null;
  for (const row of history) if (row.adoptedOn <= on) found = row;
  return found;
}
