// Issue 16: schema/agreements.json reaches rows that already exist on a re-seed (with a "seeded"
// history entry), a change made in the graph survives a re-seed of an unchanged entry, and
// updated_at moves with every change, whoever makes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agreementHistory, agreements, migrateAll, type Database } from '@peacegraph/kit';
import { readSeedAgreements, seedAgreements } from '../../scripts/seed/agreements';
import { TEST_DATABASES } from '../databases';

describe.each(TEST_DATABASES)('seeding agreements ($label)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.create();
    await migrateAll(database);
  });
  afterAll(async () => {
    await database?.close();
  });
  const row = async (id: string) => (await database.db.select().from(agreements).where(eq(agreements.id, id)))[0]!;
  const actions = async (id: string) => (await database.db.select().from(agreementHistory).where(eq(agreementHistory.agreementId, id))).map((h) => h.action);

  it('inserts the file with "seeded" history, then updates an edited entry and leaves an unchanged one alone', async () => {
    const file = readSeedAgreements();
    expect(await seedAgreements(database.db, file)).toEqual({ inserted: file.length, updated: 0 });
    expect((await row('nrc-ouham-request')).status).toBe('REQUESTED');
    expect((await row('minusca-joc')).status).toBe('ACTIVE');
    expect(await seedAgreements(database.db, file)).toEqual({ inserted: 0, updated: 0 });

    const before = await row('nrc-car-access');
    const edited = file.map((a) => (a.id === 'nrc-car-access' ? { ...a, adminAreaPcodes: ['CF43'], purpose: 'Ouaka only.' } : a));
    expect(await seedAgreements(database.db, edited)).toEqual({ inserted: 0, updated: 1 });
    const after = await row('nrc-car-access');
    expect(after).toMatchObject({ adminAreaPcodes: ['CF43'], purpose: 'Ouaka only.', version: before.version + 1 });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(await actions('nrc-car-access')).toEqual(['seeded', 'seeded']);

    // Revoked in the graph (here: by hand): an unchanged entry does not undo it.
    await database.exec(`update policy.agreements set status = 'REVOKED' where id = 'nrc-car-access'`);
    const revoked = await row('nrc-car-access');
    expect(revoked.updatedAt.getTime()).toBeGreaterThan(after.updatedAt.getTime()); // the trigger, whoever changes the row
    expect(await seedAgreements(database.db, edited)).toEqual({ inserted: 0, updated: 0 });
    expect((await row('nrc-car-access')).status).toBe('REVOKED');
  });
});
