import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@peacegraph/kit';

/** The files the missions importers read, by their names in ../shared/data (the fallback excerpt keeps the names). */
export const MISSIONS_DATA_FILES = {
  contributions: 'un-troop-police-contributions-yearly.csv',
  fatalities: 'un-peacekeeping-fatalities.csv',
  deploymentSites: 'geo-pko-deployment-sites-v2.3.csv',
} as const;

/** A small excerpt of the same files committed with the repo, so a clone without ../shared still has data. */
export const FALLBACK_DATA_DIR = path.join(repoRoot, 'scripts', 'seed', 'fallback');

export function missingDataFiles(dataDir: string): string[] {
  return Object.values(MISSIONS_DATA_FILES).filter((name) => !existsSync(path.join(dataDir, name)));
}
