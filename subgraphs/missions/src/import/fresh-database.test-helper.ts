import { randomBytes } from 'node:crypto';
import { migrateAll, openDatabase, type Database, type MigrationSet } from '@peacegraph/kit';

export interface FreshDatabase {
  label: 'PGlite' | 'PostgreSQL';
  database: Database;
  /** Closes the connection; for PostgreSQL also drops the throwaway database. */
  dispose(): Promise<void>;
}

/** PGlite always; PostgreSQL too when DATABASE_URL names a server. */
export const FRESH_DATABASE_KINDS: FreshDatabase['label'][] = process.env.DATABASE_URL ? ['PGlite', 'PostgreSQL'] : ['PGlite'];

/**
 * A new, migrated database: in-memory PGlite, or a database created for this test file on
 * the DATABASE_URL server (through a postgres.js admin connection) and dropped on dispose.
 */
export async function openFreshDatabase(label: FreshDatabase['label'], sets: readonly MigrationSet[]): Promise<FreshDatabase> {
  if (label === 'PGlite') {
    const database = await openDatabase();
    await migrateAll(database, sets);
    return { label, database, dispose: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('PostgreSQL tests need DATABASE_URL');
  // Hex only: the name goes into DDL, which cannot take parameters.
  const name = `missions_import_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl, maxConnections: 1 });
  await admin.exec(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 4 });
  try {
    await migrateAll(database, sets);
  } catch (error) {
    await database.close();
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
    throw error;
  }
  return {
    label,
    database,
    dispose: async () => {
      await database.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
