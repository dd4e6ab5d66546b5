import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFrom, AuditLog, loadAgreementsFor, runSubgraphOperation, type BuiltSubgraph, type Identity } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, exportHxlCsv, seedHumanitarian } from '@peacegraph/humanitarian';
import { csvCell } from '../subgraphs/humanitarian/src/export/csv';
import { demoIdentity, openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../subgraphs/humanitarian/src/testing';
import { seedAgreements } from '../scripts/seed/agreements';

/** RFC 4180 parser for the test's own reading of the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  return rows;
}

function records(csv: string): Record<string, string>[] {
  const [, hxl, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(hxl!.map((tag, i) => [tag, r[i] ?? ''])));
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
      '#sector+code': n.clusterCode,
      '#country+code': n.countryIso3,
      '#adm1+code': n.admin1Pcode,
      '#adm2+code': n.adminLevel === 2 ? n.adminAreaPcode : '',
      '#date+start': n.periodStart,
      '#date+end': n.periodEnd,
      '#status': n.status,
      '#targeted': str(n.targeted.total),
      '#targeted+f+children': str(n.targeted.femaleChildren),
      '#reached': str(n.reached.total),
      '#reached+m+adults': str(n.reached.maleAdults),
      '#meta+remarks': str(n.remarks),
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
        adminAreaPcode: 'CF2301',
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
    const csv = await exportHxlCsv(test.database.db, await accessOf(demoIdentity('public')), { kind: '3w', filters: { adminAreaPcode: 'CF23' } });
    const [headers, hxl] = parseCsv(csv);
    expect(headers).toContain('Organisation');
    expect(hxl).toEqual(expect.arrayContaining(['#org+name', '#org+type', '#sector+cluster', '#adm1+code', '#adm2+code', '#date+start', '#targeted', '#reached']));
    const rows = records(csv);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['#meta+remarks'] === '')).toBe(true);
    const partner = records(await exportHxlCsv(test.database.db, await accessOf(demoIdentity('ngo-partner')), { kind: '3w', filters: { adminAreaPcode: 'CF23' } }));
    expect(partner.map((r) => r['#meta+remarks'])).toContain('Mobile team, "Bria" sites 1, 2\nand PK3');
  });

  it('displacement export equals the graph’s answer, with #affected+idps+individuals', async () => {
    const identity = demoIdentity('ngo-partner');
    const filter = { countryIso3: 'CAF', reportingRound: 2 };
    const rows = records(await exportHxlCsv(test.database.db, await accessOf(identity), { kind: 'displacement', filters: filter }));
    const result = await run(identity, `query ($f: DisplacementFilterInput) { displacement(filter: $f, page: {first: 500}) {
      nodes { id admin1Pcode populationGroup reportingRound individuals households } } }`, { f: filter });
    const nodes = (result.data!.displacement as { nodes: Record<string, any>[] }).nodes;
    expect(nodes.length).toBeGreaterThan(10);
    const tag = (group: string) => ({ IDPS: 'idps', REFUGEES: 'refugees', RETURNEES: 'returnees' })[group]!;
    expect(rows.map((r) => r['#meta+id'])).toEqual(nodes.map((n) => n.id));
    nodes.forEach((n, i) => {
      const r = rows[i]!;
      expect(r['#adm1+code']).toBe(n.admin1Pcode);
      expect(r['#round']).toBe(String(n.reportingRound));
      expect(r[`#affected+${tag(n.populationGroup)}+individuals`]).toBe(String(n.individuals));
      expect(r[`#affected+${tag(n.populationGroup)}+households`]).toBe(str(n.households));
    });
    expect(rows.some((r) => r['#affected+idps+individuals'] !== '')).toBe(true);
  });
});

describe('CSV cells', () => {
  it('quote separators and neutralise text a spreadsheet would run as a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});

const EXPECTED_KEYS = Object.fromEntries(
  ['#meta+id', '#org+name', '#org+acronym', '#org+type', '#sector+code', '#country+code', '#adm1+code', '#adm2+code', '#date+start', '#date+end', '#status', '#targeted', '#targeted+f+children', '#reached', '#reached+m+adults', '#meta+remarks', '#meta+source'].map((k) => [k, true]),
);
