import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubgraphOperation, type BuiltSubgraph, type Identity } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, seedHumanitarian } from '@peacegraph/humanitarian';
import { demoIdentity, openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../subgraphs/humanitarian/src/testing';
import { seedAgreements } from '../../scripts/seed/agreements';

interface PresenceNode {
  id: string;
  organizationId: string;
  adminAreaPcode: string;
  countryIso3: string;
  remarks?: string | null;
}

describe.each(TEST_DATABASE_KINDS)('humanitarian 3W slice on %s', (kind) => {
  let test: TestDatabase;
  let built: BuiltSubgraph;
  const run = (identity: Identity, query: string, variables?: Record<string, unknown>) =>
    runSubgraphOperation(built, test.database, createHumanitarianLoaders, identity, query, variables);

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    built = await buildHumanitarianSubgraph();
    await seedAgreements(test.database.db);
    const first = await seedHumanitarian(test.database.db);
    expect(first.inserted).toBeGreaterThan(100);
  });
  afterAll(() => test?.dispose());

  it('seeds idempotently: a second run inserts nothing', async () => {
    expect(await seedHumanitarian(test.database.db)).toEqual({ inserted: 0 });
  });

  it('serves the catalogue organisations with their IATI identifiers', async () => {
    const result = await run(demoIdentity('public'), `{ organization(id: "ocha") { id name acronym type iatiId } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      organization: {
        id: 'ocha',
        name: 'United Nations Office for the Coordination of Humanitarian Affairs',
        acronym: 'OCHA',
        type: 'UN_AGENCY',
        iatiId: 'XM-DAC-41127',
      },
    });
  });

  it('gives the public 3W rows labelled as generated, with people counts that add up', async () => {
    const result = await run(
      demoIdentity('public'),
      `{ operationalPresence(filter: {countryIso3: "CAF", organizationId: "nrc"}, page: {first: 500}) {
          nodes { id organization { acronym } cluster clusterCode adminAreaPcode adminArea { pcode } missionId source
                  targeted { total femaleChildren maleChildren femaleAdults maleAdults } reached { total } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (result.data!.operationalPresence as { nodes: Record<string, any>[] }).nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.organization).toEqual({ acronym: 'NRC' });
      expect(node.source).toBe('generated');
      expect(node.missionId).toBe('MINUSCA');
      expect(node.adminArea).toEqual({ pcode: node.adminAreaPcode });
      const t = node.targeted;
      expect(t.femaleChildren + t.maleChildren + t.femaleAdults + t.maleAdults).toBe(t.total);
      expect(node.reached.total).toBeLessThanOrEqual(t.total);
    }
  });

  it('resolves Mission.operationalPresence from the host countries the gateway supplies (@requires)', async () => {
    const result = await run(
      demoIdentity('public'),
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id operationalPresence(cluster: HEALTH) { id countryIso3 cluster } } } }`,
      {
        r: [
          { __typename: 'Mission', id: 'MINUSCA', hostCountryIso3: ['CAF'] },
          { __typename: 'Mission', id: 'UNISFA', hostCountryIso3: ['SDN', 'SSD'] },
          { __typename: 'Mission', id: 'UNFICYP', hostCountryIso3: ['CYP'] },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [minusca, unisfa, unficyp] = result.data!._entities as { id: string; operationalPresence: { countryIso3: string; cluster: string }[] }[];
    expect(minusca!.operationalPresence.length).toBeGreaterThan(0);
    expect(new Set(minusca!.operationalPresence.map((p) => p.countryIso3))).toEqual(new Set(['CAF']));
    expect(new Set(unisfa!.operationalPresence.map((p) => p.countryIso3))).toEqual(new Set(['SSD']));
    expect(unficyp!.operationalPresence).toEqual([]);
    for (const row of [...minusca!.operationalPresence, ...unisfa!.operationalPresence]) expect(row.cluster).toBe('HEALTH');
  });

  it('bounds Mission.operationalPresence by `first`, naming the argument when it is out of range', async () => {
    const q = `query ($r: [_Any!]!, $n: Int!) { _entities(representations: $r) { ... on Mission { operationalPresence(first: $n) { id } } } }`;
    const r = [{ __typename: 'Mission', id: 'MINUSCA', hostCountryIso3: ['CAF'] }];
    const three = await run(demoIdentity('public'), q, { r, n: 3 });
    expect((three.data!._entities as { operationalPresence: unknown[] }[])[0]!.operationalPresence).toHaveLength(3);
    const bad = await run(demoIdentity('public'), q, { r, n: 501 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('batches Mission.operationalPresence: one statement for many missions', async () => {
    const missions = ['CAF', 'COD', 'SSD', 'LBN', 'SYR'].map((iso3, i) => ({ __typename: 'Mission', id: `M${i}`, hostCountryIso3: [iso3] }));
    const before = test.database.statementCount();
    const result = await run(demoIdentity('public'), `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { operationalPresence { id organization { name } } } } }`, { r: missions });
    expect(result.errors).toBeUndefined();
    // agreements lookup (none for public) + presence + organisations
    expect(test.database.statementCount() - before).toBeLessThanOrEqual(3);
  });

  it('AdminArea.operationalPresence covers the area and the areas inside it', async () => {
    const result = await run(
      demoIdentity('public'),
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { pcode operationalPresence(page: { first: 500 }) { nodes { adminAreaPcode admin1Pcode } } } } }`,
      { r: [{ __typename: 'AdminArea', pcode: 'CF43' }, { __typename: 'AdminArea', pcode: 'CF431' }] },
    );
    expect(result.errors).toBeUndefined();
    type Rows = { operationalPresence: { nodes: { adminAreaPcode: string; admin1Pcode: string }[] } };
    const [admin1, admin2] = result.data!._entities as Rows[];
    for (const row of admin1!.operationalPresence.nodes) expect(row.admin1Pcode).toBe('CF43');
    for (const row of admin2!.operationalPresence.nodes) expect(row.adminAreaPcode).toBe('CF431');
    expect(admin1!.operationalPresence.nodes.length).toBeGreaterThanOrEqual(admin2!.operationalPresence.nodes.length);
  });

  it("AdminArea's lists are pages: small pages walked by cursor give exactly the whole list, in id order, one statement per page of areas", async () => {
    const query = `query ($r: [_Any!]!, $page: PageInput) { _entities(representations: $r) { ... on AdminArea { pcode
      operationalPresence(page: $page) { nodes { id } pageInfo { endCursor hasNextPage } }
      displacement(page: $page) { nodes { id } pageInfo { endCursor hasNextPage } } } } }`;
    type List = { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
    type Area = { operationalPresence: List; displacement: List };
    const r = [{ __typename: 'AdminArea', pcode: 'CF43' }];
    const whole = ((await run(demoIdentity('public'), query, { r, page: { first: 500 } })).data!._entities as Area[])[0]!;
    expect(whole.operationalPresence.nodes.length).toBeGreaterThan(2);
    for (const field of ['operationalPresence', 'displacement'] as const) {
      const ids = whole[field].nodes.map((n) => n.id);
      expect(ids).toEqual([...ids].sort());
      const walked: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i++) {
        const before = test.database.statementCount();
        const result = await run(demoIdentity('public'), query, { r, page: { first: 2, after } });
        expect(result.errors).toBeUndefined();
        expect(test.database.statementCount() - before).toBeLessThanOrEqual(2);
        const list = (result.data!._entities as Area[])[0]![field];
        expect(list.nodes.length).toBeLessThanOrEqual(2);
        walked.push(...list.nodes.map((n) => n.id));
        if (!list.pageInfo.hasNextPage) break;
        after = list.pageInfo.endCursor;
      }
      expect(walked).toEqual(ids);
    }
    const tooBig = await run(demoIdentity('public'), query, { r, page: { first: 501 } });
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('statement count does not grow with page size', async () => {
    const query = `query ($n: Int!) { operationalPresence(page: {first: $n}) { nodes { id organization { name } adminArea { pcode } targeted { total } } } }`;
    const count = async (n: number) => {
      const before = test.database.statementCount();
      const result = await run(demoIdentity('ngo-partner'), query, { n });
      expect(result.errors).toBeUndefined();
      expect((result.data!.operationalPresence as { nodes: unknown[] }).nodes.length).toBeGreaterThan(Math.min(n, 100) - 1);
      return test.database.statementCount() - before;
    };
    expect(await count(500)).toBe(await count(10));
  });

  it('shows remarks (PARTNER) to partners in scope and the owner only', async () => {
    const query = `{ operationalPresence(filter: {countryIso3: "CAF"}, page: {first: 500}) { nodes { id organizationId adminAreaPcode remarks } } }`;
    const nodesFor = async (audience: string) => {
      const result = await run(demoIdentity(audience), query);
      return { nodes: (result.data!.operationalPresence as { nodes: PresenceNode[] }).nodes, errors: result.errors ?? [] };
    };
    const nrc = await nodesFor('ngo-partner');
    // NRC's agreement is with MINUSCA, which provides its own records, not other NGOs' 3W rows
    // (issue 16): in NRC's agreed areas too, only NRC's own rows show remarks.
    for (const node of nrc.nodes) expect(node.remarks === null).toBe(node.organizationId !== 'nrc');
    expect(nrc.nodes.some((n) => n.organizationId !== 'nrc' && ['CF71', 'CF43', 'CF52'].some((p) => n.adminAreaPcode.startsWith(p)))).toBe(true);
    expect(nrc.nodes.some((n) => n.remarks === null)).toBe(true);
    expect(nrc.errors.every((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.dataClass === 'PARTNER')).toBe(true);

    // Caritas's agreement has expired: it sees remarks only on its own rows.
    const caritas = await nodesFor('ngo-other');
    for (const node of caritas.nodes) expect(node.remarks === null).toBe(node.organizationId !== 'caritas-bangui');

    const pub = await nodesFor('public');
    expect(pub.nodes.every((n) => n.remarks === null)).toBe(true);
    expect(pub.nodes.map((n) => n.id)).toEqual(caritas.nodes.map((n) => n.id));

    // The mission's own agreement opens the mission's records, not the organisations' 3W rows:
    // no organisation has shared its 3W remarks with the mission in the seeded policy.
    const mission = await nodesFor('mission-ops');
    expect(mission.nodes.length).toBe(pub.nodes.length);
    expect(mission.nodes.every((n) => n.remarks === null)).toBe(true);
  });
});
