import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFrom, AuditLog, loadAgreementsFor, parseCsv, runSubgraphOperation, type BuiltSubgraph, type Identity } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, exportHxlCsv, seedHumanitarian } from '@peacegraph/humanitarian';
import { demoIdentity, openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../subgraphs/humanitarian/src/testing';
import { seedAgreements } from '../../scripts/seed/agreements';

/** The data rows by HXL tag (the second row of the file holds the tags). */
function records(csv: string): Record<string, string>[] {
  const [hxl, ...rows] = parseCsv(csv).rows;
  return rows.map((r) => Object.fromEntries(Object.entries(r.values).map(([header, value]) => [hxl!.values[header]!, value])));
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe.each(TEST_DATABASE_KINDS)('HXL export on %s', (kind) => {
  let test: TestDatabase;
  let built: BuiltSubgraph;
  const run = (identity: Identity, query: string, variables?: Record<string, unknown>) =>
    runSubgraphOperation(built, test.database, createHumanitarianLoaders, identity, query, variables);
  const accessOf = async (identity: Identity) =>
    accessFrom(identity, await loadAgreementsFor(test.database.db, identity), new AuditLog('humanitarian', () => null));

  /** Every page of the graph's answer, as the export's columns. */
  async function graph3w(identity: Identity, filter: Record<string, unknown>) {
    const nodes: Record<string, any>[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await run(
        identity,
        `query ($f: OperationalPresenceFilterInput, $after: String) { operationalPresence(filter: $f, page: {first: 100, after: $after}) {
          nodes { id organization { name acronym type } clusterCode countryIso3 admin1Pcode adminAreaPcode adminLevel periodStart periodEnd status
                  targeted { total femaleChildren } reached { total maleAdults } remarks source }
          pageInfo { endCursor hasNextPage } } }`,
        { f: filter, after },
      );
      const page = result.data!.operationalPresence as { nodes: Record<string, any>[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return nodes.map((n) => ({
      '#meta+id': n.id,
      '#org+name': str(n.organization?.name),
      '#org+acronym': str(n.organization?.acronym),
      '#org+type': str(n.organization?.type),
      '#sector+cluster+code': n.clusterCode,
      '#country+code': n.countryIso3,
      '#adm1+code': n.admin1Pcode,
      '#adm2+code': n.adminLevel === 2 ? n.adminAreaPcode : '',
      '#date+start': n.periodStart,
      '#date+end': n.periodEnd,
      '#status+code': n.status,
      '#targeted+ind': str(n.targeted.total),
      '#targeted+ind+f+children': str(n.targeted.femaleChildren),
      '#reached+ind': str(n.reached.total),
      '#reached+ind+m+adults': str(n.reached.maleAdults),
      '#description': str(n.remarks),
      '#meta+source': n.source,
    }));
  }

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    built = await buildHumanitarianSubgraph();
    await seedAgreements(test.database.db);
    await seedHumanitarian(test.database.db);
    // A reported row whose remark needs CSV quoting.
    const saved = await run(demoIdentity('ngo-partner'), `mutation ($i: OperationalPresenceInput!) { saveOperationalPresence(input: $i) { id } }`, {
      i: {
        clientKey: 'export-1',
        cluster: 'PROTECTION',
        adminAreaPcode: 'CF521',
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        status: 'ONGOING',
        targeted: { total: 120 },
        reached: { total: 80 },
        remarks: 'Mobile team, "Bria" sites 1, 2\nand PK3',
      },
    });
    expect(saved.errors).toBeUndefined();
  });
  afterAll(() => test?.dispose());

  it.each(['public', 'ngo-partner', 'ngo-other', 'mission-ops', 'un-agency'])('3W export equals the graph’s answer for %s', async (audience) => {
    const identity = demoIdentity(audience);
    const filter = { countryIso3: 'CAF' };
    const csv = await exportHxlCsv(test.database.db, await accessOf(identity), { kind: '3w', filters: filter });
    const fromFile = records(csv).map((r) => Object.fromEntries(Object.keys(r).filter((k) => k in EXPECTED_KEYS).map((k) => [k, r[k]])));
    const fromGraph = await graph3w(identity, filter);
    expect(fromFile.length).toBeGreaterThan(20);
    expect(fromFile).toEqual(fromGraph);
  });

  it('writes the HXL hashtag row under the headers and withholds PARTNER remarks from the public', async () => {
    const csv = await exportHxlCsv(test.database.db, await accessOf(demoIdentity('public')), { kind: '3w', filters: { adminAreaPcode: 'CF52' } });
    const { header, rows: [hxlRow] } = parseCsv(csv);
    const hxl = header.map((name) => hxlRow!.values[name]);
    expect(header).toContain('Organisation');
    expect(hxl).toEqual(expect.arrayContaining(['#org+name', '#org+type', '#sector+cluster+name', '#sector+cluster+code', '#adm1+code', '#adm2+code', '#date+start', '#targeted+ind', '#reached+ind', '#description']));
    const rows = records(csv);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['#description'] === '')).toBe(true);
    const partner = records(await exportHxlCsv(test.database.db, await accessOf(demoIdentity('ngo-partner')), { kind: '3w', filters: { adminAreaPcode: 'CF52' } }));
    expect(partner.map((r) => r['#description'])).toContain('Mobile team, "Bria" sites 1, 2\nand PK3');
  });

  it('displacement export equals the graph’s answer, with #affected+idps+ind and #affected+idps+hh', async () => {
    const identity = demoIdentity('ngo-partner');
    const filter = { countryIso3: 'CAF', reportingRound: 2 };
    const rows = records(await exportHxlCsv(test.database.db, await accessOf(identity), { kind: 'displacement', filters: filter }));
    const result = await run(identity, `query ($f: DisplacementFilterInput) { displacement(filter: $f, page: {first: 500}) {
      nodes { id admin1Pcode populationGroup reportingRound individuals households sourceOrganizationId } } }`, { f: filter });
    const nodes = (result.data!.displacement as { nodes: Record<string, any>[] }).nodes;
    expect(nodes.length).toBeGreaterThan(10);
    const tag = (group: string) => ({ IDPS: 'idps', REFUGEES: 'refugees', RETURNEES: 'returnees' })[group]!;
    expect(rows.map((r) => r['#meta+id'])).toEqual(nodes.map((n) => n.id));
    nodes.forEach((n, i) => {
      const r = rows[i]!;
      expect(r['#adm1+code']).toBe(n.admin1Pcode);
      expect(r['#round+code']).toBe(String(n.reportingRound));
      expect(r['#org+code']).toBe(n.sourceOrganizationId);
      expect(r[`#affected+${tag(n.populationGroup)}+ind`]).toBe(String(n.individuals));
      expect(r[`#affected+${tag(n.populationGroup)}+hh`]).toBe(str(n.households));
    });
    expect(rows.some((r) => r['#affected+idps+ind'] !== '')).toBe(true);
  });

  it.each(['3w', 'displacement'] as const)('the %s export’s HXL row uses HXL 1.1 hashtags and attributes (or the listed OCHA practice), people as +ind and households as +hh', async (kind) => {
    const csv = await exportHxlCsv(test.database.db, await accessOf(demoIdentity('public')), { kind, filters: { countryIso3: 'CAF' } });
    const { header, rows } = parseCsv(csv);
    const tags = header.map((name) => rows[0]!.values[name]!);
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) {
      const [hashtag, ...attributes] = tag.split(/(?=\+)/);
      expect([...HXL_1_1.hashtags, ...OCHA_PRACTICE.hashtags], tag).toContain(hashtag);
      for (const attribute of attributes) expect([...HXL_1_1.attributes, ...OCHA_PRACTICE.attributes], tag).toContain(attribute);
      if (COUNTING.includes(hashtag!)) expect(attributes.filter((a) => a === '+ind' || a === '+hh'), tag).toHaveLength(1);
    }
  });
});

/** The HXL 1.1 dictionary's hashtags and attributes the exports may use (hxlstandard.org/standard/1-1final/dictionary). */
const HXL_1_1 = {
  hashtags: ['#adm1', '#adm2', '#affected', '#country', '#date', '#description', '#meta', '#org', '#reached', '#sector', '#status', '#targeted'],
  attributes: ['+adults', '+children', '+cluster', '+code', '+end', '+f', '+hh', '+id', '+idps', '+ind', '+m', '+name', '+refugees', '+reported', '+source', '+start', '+type'],
};
/** Tags HXL 1.1 lacks, as OCHA and IOM DTM publish them on HDX (the humanitarian README lists them). */
const OCHA_PRACTICE = { hashtags: ['#round', '#assessment', '#population_group'], attributes: ['+acronym', '+returnees'] };
const COUNTING = ['#affected', '#targeted', '#reached'];

const EXPECTED_KEYS = Object.fromEntries(
  ['#meta+id', '#org+name', '#org+acronym', '#org+type', '#sector+cluster+code', '#country+code', '#adm1+code', '#adm2+code', '#date+start', '#date+end', '#status+code', '#targeted+ind', '#targeted+ind+f+children', '#reached+ind', '#reached+ind+m+adults', '#description', '#meta+source'].map((k) => [k, true]),
);
