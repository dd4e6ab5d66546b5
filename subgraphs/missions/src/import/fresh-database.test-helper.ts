import { migrateAll, type Database, type MigrationSet } from '@peacegraph/kit';
import { TEST_DATABASES } from '../../../../tests/databases';

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
