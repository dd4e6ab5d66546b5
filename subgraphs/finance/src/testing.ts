import { randomBytes } from 'node:crypto';
import { migrateAll, openDatabase, type Database } from '@peacegraph/kit';

export interface TestDatabase {
  label: string;
  database: Database;
  dispose(): Promise<void>;
}

/** Which databases a test file runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const TEST_DATABASE_KINDS: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database: in-memory PGlite, or a throwaway PostgreSQL database created
 * on the DATABASE_URL server and dropped on dispose.
 */
export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase();
    await migrateAll(database, ['policy', 'finance']);
    return { label: 'PGlite', database, dispose: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `finance_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl, maxConnections: 1 });
  await admin.exec(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 4 });
  await migrateAll(database, ['policy', 'finance']);
  return {
    label: 'PostgreSQL',
    database,
    dispose: async () => {
      await database.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
