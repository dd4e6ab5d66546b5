import type { Db } from '@peacegraph/kit';
import { FTS_FILES, ftsDirectory } from './fts-files';
import { importFtsFlows } from './import-fts-flows';
import { importFtsClusters, importFtsRequirements } from './import-fts-plans';
import type { ImportFileReport } from './import-report';

export interface FtsImportReport {
  dir: string;
  fallback: boolean;
  files: ImportFileReport[];
}

/** Plans first (flows and clusters refer to them), then clusters, then flows. Re-runnable. */
export async function importFts(db: Db, dataDir: string): Promise<FtsImportReport> {
  const { dir, fallback } = ftsDirectory(dataDir);
  const files: ImportFileReport[] = [];
  files.push(await importFtsRequirements(db, dir, FTS_FILES.requirements));
  for (const file of FTS_FILES.clusters) files.push(await importFtsClusters(db, dir, file));
  for (const file of FTS_FILES.flows) files.push(await importFtsFlows(db, dir, file));
  return { dir, fallback, files };
}
