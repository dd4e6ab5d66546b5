import { randomBytes } from 'node:crypto';
import { migrateAll, openDatabase, PUBLIC_IDENTITY, type Database, type Identity } from '@peacegraph/kit';
import { DEMO_IDENTITIES } from '../../../scripts/seed/reference/organizations';

export interface TestDatabase {
  label: string;
  database: Database;
  dispose(): Promise<void>;
}

/** Which databases a test file runs against: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const TEST_DATABASE_KINDS: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh database with the policy and humanitarian schemas: in-memory PGlite, or a throwaway PostgreSQL database dropped on dispose. */
export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase();
    await migrateAll(database, ['policy', 'humanitarian']);
    return { label: 'PGlite', database, dispose: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `humanitarian_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl, maxConnections: 1 });
  await admin.exec(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 4 });
  await migrateAll(database, ['policy', 'humanitarian']);
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

/** The identity the gateway would sign for a seeded demo audience ('public' → no organisation). */
export function demoIdentity(audience: string): Identity {
  if (audience === 'public') return PUBLIC_IDENTITY;
  const demo = DEMO_IDENTITIES.find((d) => d.audience === audience);
  if (!demo) throw new Error(`no demo audience ${audience}`);
  return { subject: demo.subject, organizationId: demo.organizationId, organizationType: demo.organizationType, roles: demo.roles };
}
