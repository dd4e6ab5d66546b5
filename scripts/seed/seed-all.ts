// Fills an empty database (and tops up a partial one) without ever duplicating rows:
// the real UN files when ../shared/data is present, a shipped excerpt otherwise, plus the
// clearly labelled generated data for what no public file covers, and the agreements.
import { sharedDataDir, type Database } from '@peacegraph/kit';
import { seedFinance } from '@peacegraph/finance';
import { seedHumanitarian } from '@peacegraph/humanitarian';
import { seedIncidents } from '@peacegraph/incidents';
import { importMissionsData } from '@peacegraph/missions';
import { seedAgreements } from './agreements';

export interface SeedSummary {
  lines: string[];
}

/**
 * `scale` (benchmarks' --scale) multiplies the generated incidents and every record keyed by
 * one; the real UN/OCHA rows are imported as they are.
 */
export async function seedAll(database: Database, dataDir = sharedDataDir, options: { scale?: number } = {}): Promise<SeedSummary> {
  const db = database.db;
  const lines: string[] = [];
  const agreements = await seedAgreements(db);
  lines.push(`agreements: ${agreements.inserted} inserted, ${agreements.updated} updated from schema/agreements.json`);
  const missions = await importMissionsData(db, dataDir);
  lines.push(...missions.summary);
  const scale = options.scale ?? 1;
  const incidents = await seedIncidents(db, { scale });
  lines.push(`incidents (generated demo data${scale === 1 ? '' : `, ×${scale}`}): ${incidents.inserted} inserted`);
  lines.push(`humanitarian (generated 3W demo data): ${(await seedHumanitarian(db)).inserted} inserted`);
  lines.push(`finance: ${(await seedFinance(db, dataDir)).inserted} inserted`);
  return { lines };
}
