// Issue 9: subgraphs keep the agreements each kind of caller is under in memory, so a request
// costs no policy statement — and a change to policy.agreements still reaches the very next
// requests of every process (NOTIFY at commit), while periods start and end on time.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, agreementsInForce, loadAgreementsFor, migrateAll, openDatabase, type Database, type Identity } from '@peacegraph/kit';
import { expireAgreement, seedAgreements } from '../../scripts/seed/agreements';
import { demoIdentity } from '@peacegraph/reference';
import { postgresUrlOf, TEST_DATABASES } from '../databases';

const AUDIENCES = ['mission-ops', 'conduct-discipline', 'un-agency', 'ngo-partner', 'ngo-other', 'donor', 'oversight', 'public'];
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

/** The first answer may come before LISTEN is up (read straight from the table): wait until the cache serves. */
async function untilCached(database: Database, identity: Identity): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await agreementsInForce(database, identity);
    const before = database.statementCount();
    await agreementsInForce(database, identity);
    if (database.statementCount() === before) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the agreement cache never served');
}

/** A change is seen through NOTIFY: immediately on PGlite (one connection), within moments on PostgreSQL. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the change did not reach the cache within a second');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe.each(TEST_DATABASES)('agreement cache on $label', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.create();
    await migrateAll(database);
    await seedAgreements(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('answers what the table says, for every demo audience, and then without a statement', async () => {
    for (const audience of AUDIENCES) {
      const identity = demoIdentity(audience);
      await untilCached(database, identity);
      const before = database.statementCount();
      const cached = await agreementsInForce(database, identity);
      expect(database.statementCount()).toBe(before);
      expect(ids(cached)).toEqual(ids(await loadAgreementsFor(database.db, identity)));
    }
    expect(await agreementsInForce(database, demoIdentity('ngo-partner'))).not.toHaveLength(0);
    expect(await agreementsInForce(database, demoIdentity('public'))).toHaveLength(0);
  });

  it('drops an expired agreement and picks up a new one without a restart', async () => {
    const partner = demoIdentity('ngo-partner');
    await untilCached(database, partner);
    expect(ids(await agreementsInForce(database, partner))).toContain('nrc-car-access');
    await expireAgreement(database.db, 'nrc-car-access');
    await eventually(async () => !ids(await agreementsInForce(database, partner)).includes('nrc-car-access'));

    await database.db.insert(agreements).values({
      id: 'test-cache-new',
      provider: 'minusca',
      recipientOrganizationId: partner.organizationId,
      dataClasses: ['PARTNER'],
      adminAreaPcodes: ['CF71'],
      validFrom: new Date(Date.now() - 1000),
      purpose: 'test: a new agreement is seen by a warm cache',
    });
    await eventually(async () => ids(await agreementsInForce(database, partner)).includes('test-cache-new'));
  });

  it('starts and ends an agreement on time, with no notification at that moment', async () => {
    const donor = demoIdentity('donor');
    const startsAt = new Date(Date.now() + 400);
    const endsAt = new Date(Date.now() + 800);
    await database.db.insert(agreements).values({
      id: 'test-cache-window',
      provider: 'minusca',
      recipientOrganizationId: donor.organizationId,
      dataClasses: ['PARTNER'],
      validFrom: startsAt,
      validUntil: endsAt,
      purpose: 'test: a period in the near future',
    });
    await eventually(async () => (await database.db.select().from(agreements).where(sql`${agreements.id} = 'test-cache-window'`)).length === 1);
    await untilCached(database, donor);
    expect(ids(await agreementsInForce(database, donor))).not.toContain('test-cache-window');
    const statements = database.statementCount();
    await new Promise((r) => setTimeout(r, startsAt.getTime() - Date.now() + 20));
    expect(ids(await agreementsInForce(database, donor))).toContain('test-cache-window');
    await new Promise((r) => setTimeout(r, endsAt.getTime() - Date.now() + 20));
    expect(ids(await agreementsInForce(database, donor))).not.toContain('test-cache-window');
    expect(database.statementCount()).toBe(statements); // time alone, from memory
  });

  // PGlite is one process's database: only PostgreSQL has other processes to hear from.
  if (kind.label === 'postgres') it('a change made by another process reaches this one', async () => {
    // Another connection pool on the same database stands in for another process.
    const other = await openDatabase({ url: postgresUrlOf(database), maxConnections: 1 });
    const partner = demoIdentity('ngo-partner');
    await untilCached(database, partner);
    const was = ids(await agreementsInForce(database, partner));
    await other.db.delete(agreements).where(sql`${agreements.id} = 'test-cache-new'`);
    await eventually(async () => !ids(await agreementsInForce(database, partner)).includes('test-cache-new'));
    expect(was).toContain('test-cache-new');
    await other.close();
  });
});
