import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { runSubgraphOperation, type BuiltSubgraph, type Identity } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, seedHumanitarian } from '@peacegraph/humanitarian';
import { operationalPresence } from '../../subgraphs/humanitarian/src/tables';
import { demoIdentity, openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../subgraphs/humanitarian/src/testing';
import { seedAgreements } from '../../scripts/seed/agreements';

const SAVE = `mutation ($input: OperationalPresenceInput!) {
  saveOperationalPresence(input: $input) { id organizationId adminAreaPcode countryIso3 missionId cluster status source
    targeted { total femaleChildren } reached { total } reachedExplanation remarks } }`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    clientKey: `key-${Math.random()}`,
    cluster: 'SHELTER',
    adminAreaPcode: 'CF431',
    periodStart: '2025-03-01',
    periodEnd: '2025-08-31',
    status: 'ONGOING',
    targeted: { femaleChildren: 300, maleChildren: 280, femaleAdults: 220, maleAdults: 200 },
    reached: { total: 640 },
    remarks: 'Shelter kits for returnees in Bambari.',
    ...overrides,
  };
}

describe.each(TEST_DATABASE_KINDS)('NGO writes of 3W rows on %s', (kind) => {
  let test: TestDatabase;
  let built: BuiltSubgraph;
  const run = (identity: Identity, query: string, variables?: Record<string, unknown>) =>
    runSubgraphOperation(built, test.database, createHumanitarianLoaders, identity, query, variables);
  const rowCount = async () => (await test.database.db.select({ n: count() }).from(operationalPresence))[0]!.n;
  const nrc = demoIdentity('ngo-partner');
  const caritas = demoIdentity('ngo-other');

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    built = await buildHumanitarianSubgraph();
    await seedAgreements(test.database.db);
    await seedHumanitarian(test.database.db);
  });
  afterAll(() => test?.dispose());

  it('an NGO creates its own row, owned by the organisation the gateway signed, and the public sees it', async () => {
    const result = await run(nrc, SAVE, { input: input() });
    expect(result.errors).toBeUndefined();
    const saved = result.data!.saveOperationalPresence as Record<string, any>;
    expect(saved).toMatchObject({
      organizationId: 'nrc',
      adminAreaPcode: 'CF431',
      countryIso3: 'CAF',
      missionId: 'MINUSCA',
      source: 'reported',
      targeted: { total: 1000, femaleChildren: 300 },
      reached: { total: 640 },
    });
    const pub = await run(demoIdentity('public'), `query ($id: ID!) { operationalPresenceRow(id: $id) { organizationId targeted { total } } }`, { id: saved.id });
    expect(pub.data).toEqual({ operationalPresenceRow: { organizationId: 'nrc', targeted: { total: 1000 } } });
  });

  it('is idempotent: a retry with the same client key returns the first row and writes nothing', async () => {
    const body = input({ clientKey: 'nrc-retry-1' });
    const first = await run(nrc, SAVE, { input: body });
    const before = await rowCount();
    const retry = await run(nrc, SAVE, { input: body });
    expect(retry.errors).toBeUndefined();
    expect((retry.data!.saveOperationalPresence as { id: string }).id).toBe((first.data!.saveOperationalPresence as { id: string }).id);
    expect(await rowCount()).toBe(before);
    const reused = await run(nrc, SAVE, { input: { ...body, cluster: 'WASH' } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientKey' });
    expect(await rowCount()).toBe(before);
  });

  it('concurrent retries with one client key write one row', async () => {
    const body = input({ clientKey: 'nrc-concurrent-1' });
    const before = await rowCount();
    const results = await Promise.all(Array.from({ length: 4 }, () => run(nrc, SAVE, { input: body })));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => (r.data!.saveOperationalPresence as { id: string }).id)).size).toBe(1);
    expect(await rowCount()).toBe(before + 1);
  });

  it('NGO A cannot modify NGO B’s row, even by giving its id or B’s organisation id', async () => {
    const own = await run(nrc, SAVE, { input: input() });
    const id = (own.data!.saveOperationalPresence as { id: string }).id;
    const [before] = await test.database.db.select().from(operationalPresence).where(eq(operationalPresence.id, id));

    const byId = await run(caritas, SAVE, { input: input({ id, remarks: 'hijacked', reached: { total: 0 } }) });
    expect(byId.data).toBeNull();
    expect(byId.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });

    const byOrg = await run(caritas, SAVE, { input: input({ id, organizationId: 'nrc', remarks: 'hijacked' }) });
    expect(byOrg.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'organizationId' });

    const createAsOther = await run(caritas, SAVE, { input: input({ organizationId: 'nrc' }) });
    expect(createAsOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'organizationId' });

    const [after] = await test.database.db.select().from(operationalPresence).where(eq(operationalPresence.id, id));
    expect(after).toEqual(before);

    const update = await run(nrc, SAVE, { input: input({ id, status: 'COMPLETED', reached: { total: 990 } }) });
    expect(update.errors).toBeUndefined();
    expect(update.data!.saveOperationalPresence).toMatchObject({ id, status: 'COMPLETED', reached: { total: 990 } });
  });

  it('refuses callers without an organisation in the directory', async () => {
    const before = await rowCount();
    const pub = await run(demoIdentity('public'), SAVE, { input: input() });
    expect(pub.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'organizationId' });
    const ghost = await run({ subject: 'x@ghost', organizationId: 'ghost', organizationType: 'ingo', roles: [] }, SAVE, { input: input() });
    expect(ghost.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'organizationId' });
    expect(await rowCount()).toBe(before);
  });

  it.each([
    ['input.adminAreaPcode', { adminAreaPcode: 'XX99' }],
    ['input.periodStart', { periodStart: '2025-02-30' }],
    ['input.periodEnd', { periodEnd: '2025-01-01' }],
    ['input.targeted.femaleChildren', { targeted: { femaleChildren: -1, maleChildren: 0, femaleAdults: 0, maleAdults: 0 } }],
    ['input.targeted.maleAdults', { targeted: { femaleChildren: 1, maleChildren: 1, femaleAdults: 1 } }],
    ['input.targeted.total', { targeted: { total: 10, femaleChildren: 1, maleChildren: 1, femaleAdults: 1, maleAdults: 1 } }],
    ['input.reached.total', { reached: {} }],
    ['input.reachedExplanation', { reached: { total: 5000 } }],
    ['input.clientKey', { clientKey: '' }],
  ])('names %s when it is wrong, and writes nothing', async (field, overrides) => {
    const before = await rowCount();
    const result = await run(nrc, SAVE, { input: input(overrides) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await rowCount()).toBe(before);
  });

  it('accepts more reached than targeted when explained', async () => {
    const result = await run(nrc, SAVE, { input: input({ reached: { total: 1500 }, reachedExplanation: 'New arrivals after the Ippy clashes.' }) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.saveOperationalPresence).toMatchObject({ reached: { total: 1500 }, reachedExplanation: 'New arrivals after the Ippy clashes.' });
  });
});
