// The databases a test runs against: embedded PGlite always, and a fresh PostgreSQL
// database when DATABASE_URL is set (.ci/run sets it), dropped afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@peacegraph/kit';

export interface TestDatabaseKind {
  label: 'pglite' | 'postgres';
  /** A new empty database. */
  create(): Promise<Database>;
}

export const TEST_DATABASES: TestDatabaseKind[] = [
  { label: 'pglite', create: () => openDatabase() },
  ...(process.env.DATABASE_URL ? [{ label: 'postgres' as const, create: createPostgresDatabase }] : []),
];

/** A throwaway database on the server DATABASE_URL names; closing it drops it. */
async function createPostgresDatabase(): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `peacegraph_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 5 });
  const close = database.close;
  database.close = async () => {
    await close();
    const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
  return database;
}
