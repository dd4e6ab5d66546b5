// Fills an empty database (and tops up a partial one) without ever duplicating rows:
// the real UN files when ../shared/data is present, a shipped excerpt otherwise, plus the
// clearly labelled generated data for what no public file covers, and the agreements.
import { bulkLoader, sharedDataDir, type Database } from '@peacegraph/kit';
import { seedFinance } from '@peacegraph/finance';
import { seedHumanitarian } from '@peacegraph/humanitarian';
import { seedIncidents } from '@peacegraph/incidents';
import { importMissionsData } from '@peacegraph/missions';
import { seedAgreements } from './agreements';

export interface SeedSummary {
  lines: string[];
}

/**
 * `scale` (benchmarks' --scale, issue 19) multiplies the generated data: incidents and every
 * record keyed by one, 3W rows, access constraints, displacement rounds, and funding flows
 * (generated ones, labelled so, beside the imported FTS flows). The real UN/OCHA rows are
 * imported as they are. A scaled seed loads through COPY on PostgreSQL; ×1 keeps the
 * multi-row INSERTs it always had.
 */
export async function seedAll(database: Database, dataDir = sharedDataDir, options: { scale?: number } = {}): Promise<SeedSummary> {
  const db = database.db;
  const lines: string[] = [];
  const agreements = await seedAgreements(db);
  lines.push(`agreements: ${agreements.inserted} inserted, ${agreements.updated} updated from schema/agreements.json`);
  const missions = await importMissionsData(db, dataDir);
  lines.push(...missions.summary);
  const scale = options.scale ?? 1;
  const load = scale === 1 ? undefined : bulkLoader(database);
  const times = scale === 1 ? '' : `, ×${scale}`;
  const timed = async <T>(step: () => Promise<T>): Promise<[T, string]> => {
    const started = Date.now();
    const result = await step();
    return [result, scale === 1 ? '' : ` in ${((Date.now() - started) / 1000).toFixed(1)} s`];
  };
  const [incidents, incidentsTime] = await timed(() => seedIncidents(db, { scale, load }));
  lines.push(`incidents (generated demo data${times}): ${incidents.inserted} inserted${incidentsTime}`);
  const [humanitarian, humanitarianTime] = await timed(() => seedHumanitarian(db, { scale, load }));
  lines.push(`humanitarian (generated 3W, access and displacement demo data${times}): ${humanitarian.inserted} inserted${humanitarianTime}`);
  const [finance, financeTime] = await timed(() => seedFinance(db, dataDir, { scale, load }));
  if (scale > 1) lines.push(...finance.summary.filter((line) => line.includes('generated funding flows')));
  lines.push(`finance: ${finance.inserted} inserted${financeTime}`);
  return { lines };
}
