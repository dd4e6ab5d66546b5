import { migrateAll, type Database } from '@peacegraph/kit';
import { TEST_DATABASES } from '../../../tests/databases';
import { seedReference } from '@peacegraph/missions/seed';

export interface TestDatabase {
  label: string;
  database: Database;
  dispose(): Promise<void>;
}

/** Which databases a test file runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const TEST_DATABASE_KINDS = TEST_DATABASES.map((kind) => kind.label);

/**
 * A fresh database with the policy, missions and humanitarian schemas and the reference rows
 * (admin areas, missions) writes are validated against (tests/databases.ts makes and drops it).
 */
export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const database = await TEST_DATABASES.find((k) => k.label === kind)!.create();
  await migrateAll(database, ['policy', 'missions', 'humanitarian']);
  await seedReference(database.db);
  return { label: kind === 'pglite' ? 'PGlite' : 'PostgreSQL', database, dispose: () => database.close() };
}

export { demoIdentity } from '@peacegraph/reference';
