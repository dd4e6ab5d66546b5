import { migrateAll, type Database, type Identity } from '@peacegraph/kit';
import { seedAgreements } from '../../../scripts/seed/agreements';
import { seedReference } from '@peacegraph/missions/seed';
import { demoIdentity } from '@peacegraph/reference';
import { TEST_DATABASES, type TestDatabaseKind } from '../../../tests/databases';

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export const INCIDENT_TEST_DATABASES: readonly TestDatabaseKind[] = TEST_DATABASES;

/** A fresh database with the policy, missions and incidents schemas and the seeded agreements (schema/agreements.json). */
export async function openIncidentsTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  const database = await kind.create();
  await migrateAll(database, ['policy', 'missions', 'incidents']);
  await seedReference(database.db);
  await seedAgreements(database.db);
  return database;
}

/** The areas of the Central African Republic NRC's agreement covers (schema/agreements.json, nrc-car-access). */
export const NGO_PARTNER_AREAS = ['CF71', 'CF43', 'CF52'];

/** A seeded demo identity (subgraphs/reference/src/organizations.ts), optionally with extra roles. */
export function identityOf(audience: string, extraRoles: string[] = []): Identity {
  const identity = demoIdentity(audience);
  return { ...identity, roles: [...identity.roles, ...extraRoles] };
}
