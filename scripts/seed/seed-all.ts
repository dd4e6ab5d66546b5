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

export async function seedAll(database: Database, dataDir = sharedDataDir): Promise<SeedSummary> {
  const db = database.db;
  const lines: string[] = [];
  const agreements = await seedAgreements(db);
  lines.push(`agreements: ${agreements.inserted} inserted, ${agreements.updated} updated from schema/agreements.json`);
  const missions = await importMissionsData(db, dataDir);
  lines.push(...missions.summary);
  lines.push(`incidents (generated demo data): ${(await seedIncidents(db)).inserted} inserted`);
  lines.push(`humanitarian (generated 3W demo data): ${(await seedHumanitarian(db)).inserted} inserted`);
  lines.push(`finance: ${(await seedFinance(db, dataDir)).inserted} inserted`);
  return { lines };
}
