import { migrateAll, type Database } from '@peacegraph/kit';
import { TEST_DATABASES } from '../../../tests/databases';

export interface TestDatabase {
  label: string;
  database: Database;
  dispose(): Promise<void>;
}

/** Which databases a test file runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const TEST_DATABASE_KINDS = TEST_DATABASES.map((kind) => kind.label);

/** A fresh database with the policy and humanitarian schemas (tests/databases.ts makes and drops it). */
export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const database = await TEST_DATABASES.find((k) => k.label === kind)!.create();
  await migrateAll(database, ['policy', 'humanitarian']);
  return { label: kind === 'pglite' ? 'PGlite' : 'PostgreSQL', database, dispose: () => database.close() };
}

export { demoIdentity } from '@peacegraph/reference';
