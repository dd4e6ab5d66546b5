// Test helpers of the missions subgraph (used by tests/missions/*.test.ts and src/import/import.test.ts).
import { migrateAll, runSubgraphOperation, sharedDataDir, type BuiltSubgraph, type Database, type Identity, type MigrationSet } from '@peacegraph/kit';
import { TEST_DATABASES } from '../../../tests/databases';
import { seedAgreements } from '../../../scripts/seed/agreements';
import { seedMissions, type MissionsSeedReport } from './seed';
import { createMissionsLoaders } from './loaders';

export { demoIdentity } from '@peacegraph/reference';

/** DPO headquarters (no demo audience has it): may record resolutions and close missions for any mission. */
export const DPO_OFFICER: Identity = { subject: 'mandates@dpo', organizationId: 'dpo', organizationType: 'un-agency', roles: ['dpo-mandate-officer'] };

/** Migrates policy + missions, seeds the agreements and imports the missions data (real files, or the excerpt without them). */
export async function seedMissionsDatabase(database: Database, dataDir: string = sharedDataDir): Promise<MissionsSeedReport> {
  await migrateAll(database, ['policy', 'missions']);
  await seedAgreements(database.db);
  return seedMissions(database.db, dataDir);
}

export type RunAs = (identity: Identity, query: string, variables?: Record<string, unknown>) => ReturnType<typeof runSubgraphOperation>;

export function runner(built: () => BuiltSubgraph, database: () => Database): RunAs {
  return (identity, query, variables) => runSubgraphOperation(built(), database(), createMissionsLoaders, identity, query, variables);
}

export interface FreshDatabase {
  label: 'PGlite' | 'PostgreSQL';
  database: Database;
  /** Closes the connection; for PostgreSQL also drops the throwaway database. */
  dispose(): Promise<void>;
}

/** PGlite always; PostgreSQL too when DATABASE_URL names a server. */
export const FRESH_DATABASE_KINDS: FreshDatabase['label'][] = TEST_DATABASES.map((k) => (k.label === 'pglite' ? 'PGlite' : 'PostgreSQL'));

/** A new, migrated database (tests/databases.ts makes it, and drops a PostgreSQL one on dispose). */
export async function openFreshDatabase(label: FreshDatabase['label'], sets: readonly MigrationSet[]): Promise<FreshDatabase> {
  const database = await TEST_DATABASES.find((k) => k.label === (label === 'PGlite' ? 'pglite' : 'postgres'))!.create();
  try {
    await migrateAll(database, sets);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { label, database, dispose: () => database.close() };
}
