// DONOR_CONFIDENTIAL flows: a donor sees its own, UN finance roles see all, everyone else
// meets them only inside totals.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, sharedDataDir } from '@peacegraph/kit';
import { demoIdentity, startFinanceTest, type FinanceTest } from '../../subgraphs/finance/src/testing';
import { TEST_DATABASES } from '../databases';
import { hasSharedData } from '../shared-data';

const FTS_DIR = path.join(sharedDataDir, 'fts');
const FLOW_FILES = ['fts_incoming_funding_afg.csv', 'fts_incoming_funding_pse.csv'];
// The anonymous-donor flows under test are in the real FTS files, not in the shipped excerpt.
const HAS_FTS_FILES = hasSharedData(...FLOW_FILES.map((f) => path.join('fts', f)));
const afgRecords = (HAS_FTS_FILES ? FLOW_FILES : [])
  .flatMap((f) => readCsv(path.join(FTS_DIR, f)).rows)
  .filter((r) => r.values.destLocations!.split(',').includes('AFG'));
const anonymousAfg = afgRecords.filter((r) => !r.values.srcOrganization);

type Page = { nodes: { id: string }[]; totals: { flowCount: number; fundingUsd: string; pledgedUsd: string; includesConfidential: boolean } };

describe.skipIf(!HAS_FTS_FILES).each(TEST_DATABASES)('confidential funding flows on $label', (kind) => {
  let t: FinanceTest;
  let norwayPledgeId: string;
  beforeAll(async () => {
    t = await startFinanceTest(await kind.create());
    const result = await t.run(
      'donor',
      `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id confidential confidentialReason } }`,
      { input: { clientKey: 'nor-pledge-1', sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'nrc', destinationPlanCode: 'HAFG20', destinationLocations: ['AFG'], amount: '25000000.00', currency: 'NOK', exchangeRate: '10.5', exchangeRateDate: '2024-06-03', confidential: true } },
    );
    expect(result.errors).toBeUndefined();
    norwayPledgeId = (result.data!.recordPledge as { id: string }).id;
  });
  afterAll(() => t?.close());

  const flowsToAfg = async (audience: string) =>
    (await t.run(audience, `{ fundingFlows(filter: {destinationCountryIso3: "AFG"}, page: {first: 500}) { nodes { id } totals { flowCount fundingUsd pledgedUsd includesConfidential } } }`)).data!
      .fundingFlows as Page;

  it('the files hold anonymous-donor flows to Afghanistan (the case under test exists)', () => {
    expect(anonymousAfg.length).toBeGreaterThan(0);
  });

  it('the public does not list anonymous-donor flows, but counts them in totals (FTS publishes them); not the unpublished pledge', async () => {
    const page = await flowsToAfg('public');
    const ids = new Set(page.nodes.map((n) => n.id));
    for (const r of anonymousAfg) expect(ids.has(`FTS-${r.values.id}`)).toBe(false);
    expect(ids.has(norwayPledgeId)).toBe(false);
    expect(page.nodes).toHaveLength(afgRecords.length - anonymousAfg.length);
    // Norway's unpublished pledge is not counted: total minus the listed rows would give it back.
    expect(page.totals.flowCount).toBe(afgRecords.length);
    const fundedCents = afgRecords.filter((r) => r.values.status !== 'pledge').reduce((s, r) => s + BigInt(r.values.amountUSD!), 0n);
    expect(page.totals.fundingUsd).toBe(`${fundedCents}.00`);
    const pledgedCents = afgRecords.filter((r) => r.values.status === 'pledge').reduce((s, r) => s + BigInt(r.values.amountUSD!), 0n);
    expect(page.totals.pledgedUsd).toBe(`${pledgedCents}.00`);
    const finance = await flowsToAfg('un-agency');
    expect(finance.totals.flowCount).toBe(afgRecords.length + 1);
    expect(BigInt(finance.totals.pledgedUsd.replace('.', '')) - BigInt(page.totals.pledgedUsd.replace('.', ''))).toBe(238095238n); // 25,000,000 NOK / 10.5
  });

  it('another donor sees neither the anonymous flows nor Norway’s unpublished pledge', async () => {
    const germany = demoIdentity('donor', { subject: 'desk@gov-germany', organizationId: 'gov-germany' });
    const one = await t.run(germany, `query ($id: ID!) { fundingFlow(id: $id) { id } }`, { id: norwayPledgeId });
    expect(one.data!.fundingFlow).toBeNull();
    const page = (await t.run(germany, `{ fundingFlows(filter: {destinationCountryIso3: "AFG"}, page: {first: 500}) { nodes { id } } }`)).data!.fundingFlows as Page;
    expect(page.nodes).toHaveLength(afgRecords.length - anonymousAfg.length);
  });

  it('the donor sees its own unpublished pledge, and no anonymous flow of others', async () => {
    const own = await t.run('donor', `query ($id: ID!) { fundingFlow(id: $id) { id amountUsd originalAmount originalCurrency exchangeRate confidentialReason } }`, { id: norwayPledgeId });
    expect(own.data!.fundingFlow).toEqual({ id: norwayPledgeId, amountUsd: '2380952.38', originalAmount: '25000000.00', originalCurrency: 'NOK', exchangeRate: '10.500000', confidentialReason: 'UNPUBLISHED_PLEDGE' });
    const page = await flowsToAfg('donor');
    expect(page.nodes).toHaveLength(afgRecords.length - anonymousAfg.length + 1);
  });

  it('a UN finance officer sees every flow, and the read is audited', async () => {
    const page = await flowsToAfg('un-agency');
    expect(page.nodes).toHaveLength(afgRecords.length + 1);
    const rows = await t.database.db.execute<{ n: number }>(
      sql`select coalesce(sum(cardinality(entity_ids)), 0)::int as n from policy.audit_events where data_class = 'DONOR_CONFIDENTIAL' and organization_id = 'ocha' and decision = 'GRANTED' and entity_type = 'FundingFlow'`,
    );
    const [row] = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
    expect(row!.n).toBeGreaterThanOrEqual(anonymousAfg.length + 1);
  });

  it('the same agency without the finance-officer role sees only public flows', async () => {
    const analyst = demoIdentity('un-agency', { roles: ['humanitarian-coordination'] });
    const one = await t.run(analyst, `query ($id: ID!) { fundingFlow(id: $id) { id } }`, { id: `FTS-${anonymousAfg[0]!.values.id}` });
    expect(one.data!.fundingFlow).toBeNull();
  });

  it('through _entities too: Organization.fundingGiven never lists what the caller may not see', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id fundingGiven(page: {first: 500}) { nodes { id } totals { flowCount includesConfidential } } } } }`;
    const r = [{ __typename: 'Organization', id: 'gov-norway' }];
    const publicView = (await t.run('public', query, { r })).data!._entities as { fundingGiven: Page }[];
    const donorView = (await t.run('donor', query, { r })).data!._entities as { fundingGiven: Page }[];
    expect(publicView[0]!.fundingGiven.nodes.map((n) => n.id)).not.toContain(norwayPledgeId);
    expect(donorView[0]!.fundingGiven.nodes.map((n) => n.id)).toContain(norwayPledgeId);
    // Donor-side totals would name the donor of a confidential flow: they count only what you may see.
    expect(publicView[0]!.fundingGiven.totals).toEqual({ flowCount: publicView[0]!.fundingGiven.nodes.length, includesConfidential: false });
    expect(donorView[0]!.fundingGiven.totals.flowCount).toBe(publicView[0]!.fundingGiven.totals.flowCount + 1);
  });

  it('totals filtered by a donor name do not count confidential flows (they would name the donor)', async () => {
    const query = `{ fundingFlows(filter: {sourceOrganizationName: "norway, government of"}, page: {first: 500}) { nodes { id } totals { flowCount includesConfidential } } }`;
    const pub = (await t.run('public', query)).data!.fundingFlows as Page;
    expect(pub.nodes.length).toBeGreaterThan(0);
    expect(pub.totals).toEqual({ flowCount: pub.nodes.length, includesConfidential: false });
    const own = (await t.run('donor', query)).data!.fundingFlows as Page;
    expect(own.nodes.map((n) => n.id)).toContain(norwayPledgeId);
    expect(own.totals.flowCount).toBe(pub.nodes.length + 1);
  });

  it('plan totals count the unpublished pledge only for those who may list it', async () => {
    const query = `{ plan(code: "HAFG20") { flows(page: {first: 1}) { totals { pledgedUsd includesConfidential } } } }`;
    const pub = (await t.run('public', query)).data!.plan as { flows: Page };
    expect(pub.flows.totals).toEqual({ pledgedUsd: '0.00', includesConfidential: true });
    for (const audience of ['donor', 'un-agency']) {
      const own = (await t.run(audience, query)).data!.plan as { flows: Page };
      expect(own.flows.totals).toEqual({ pledgedUsd: '2380952.38', includesConfidential: true });
    }
  });

  it('a confidential voluntary contribution reaches its donor and finance officers only; so do the totals that count it', async () => {
    const query = `{ trustFunds { id contributions { id } totals { currency cash } } }`;
    const pbf = async (audience: string | ReturnType<typeof demoIdentity>) =>
      ((await t.run(audience, query)).data!.trustFunds as { id: string; contributions: { id: string }[]; totals: { currency: string; cash: string }[] }[]).find((f) => f.id === 'PBF')!;
    const canada = demoIdentity('donor', { subject: 'desk@gov-canada', organizationId: 'gov-canada' });
    expect((await pbf('public')).contributions.map((c) => c.id)).not.toContain('VC-0003');
    expect((await pbf('donor')).contributions.map((c) => c.id)).not.toContain('VC-0003');
    expect((await pbf(canada)).contributions.map((c) => c.id)).toContain('VC-0003');
    expect((await pbf('un-agency')).contributions.map((c) => c.id)).toContain('VC-0003');
    expect((await pbf('public')).totals).toContainEqual({ currency: 'USD', cash: '12000000.00' });
    expect((await pbf(canada)).totals).toContainEqual({ currency: 'USD', cash: '17000000.00' });
    expect((await pbf('un-agency')).totals).toContainEqual({ currency: 'USD', cash: '17000000.00' });
  });
});
