import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@peacegraph/kit';

/** The FTS files under ../shared/data/fts (and, cut down, under scripts/seed/fallback-fts). */
export const FTS_FILES = {
  flows: ['fts_incoming_funding_afg.csv', 'fts_incoming_funding_pse.csv'],
  requirements: 'fts_requirements_funding_global.csv',
  clusters: ['fts_requirements_funding_cluster_global.csv', 'fts_requirements_funding_cluster_afg.csv'],
} as const;

/** The excerpt that ships with the repo, for clones without ../shared. */
export const FALLBACK_FTS_DIR = path.join(repoRoot, 'scripts/seed/fallback-fts');

/** `<dataDir>/fts` when the real files are there, else the shipped excerpt. */
export function ftsDirectory(dataDir: string): { dir: string; fallback: boolean } {
  const real = path.join(dataDir, 'fts');
  if (existsSync(path.join(real, FTS_FILES.requirements))) return { dir: real, fallback: false };
  return { dir: FALLBACK_FTS_DIR, fallback: true };
}
