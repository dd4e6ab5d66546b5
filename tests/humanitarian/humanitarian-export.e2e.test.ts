// Issue 6: the HXL CSV export over HTTP, through the gateway, scoped like the graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, signedRouteMaterial, signIdentity, type CsvRow } from '@peacegraph/kit';
import { demoIdentity } from '@peacegraph/reference';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

function dataRows(csv: string): CsvRow[] {
  return parseCsv(csv).rows.slice(1); // header row, HXL hashtag row, then data
}

describe('HXL export through the gateway', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack(TEST_DATABASES[0]!);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function exportAs(audience: string, path: string) {
    const token = await t.tokenFor(audience);
    const res = await fetch(t.gatewayUrl.replace(/\/graphql$/, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  }

  async function graphRemarks(audience: string): Promise<{ ids: string[]; remarks: (string | null)[] }> {
    const ids: string[] = [];
    const remarks: (string | null)[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { nodes: { id: string; remarks: string | null }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      const res: { body: { data?: { operationalPresence: Page } | null } } = await t.query<{ operationalPresence: Page }>(
        audience,
        `query ($after: String) { operationalPresence(filter: { countryIso3: "CAF" }, page: { first: 200, after: $after }) { nodes { id remarks } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      const page: Page = res.body.data!.operationalPresence;
      ids.push(...page.nodes.map((n) => n.id));
      remarks.push(...page.nodes.map((n) => n.remarks));
      if (!page.pageInfo.hasNextPage) return { ids, remarks };
      after = page.pageInfo.endCursor;
    }
  }

  for (const audience of ['mission-ops', 'ngo-partner', 'ngo-other', 'public']) {
    it(`${audience}: the 3W file holds the graph's rows for the same caller, with HXL hashtags`, async () => {
      const file = await exportAs(audience, '/export/humanitarian/3w.csv?countryIso3=CAF');
      expect(file.status).toBe(200);
      expect(file.type).toMatch(/text\/csv/);
      const hashtags = file.text.split('\r\n')[1]!;
      expect(hashtags).toMatch(/#org\+name/);
      expect(hashtags).toMatch(/#sector\+cluster\+code/);
      expect(hashtags).toMatch(/#adm1\+code/);
      const graph = await graphRemarks(audience);
      expect(dataRows(file.text)).toHaveLength(graph.ids.length);
      // Partner-only remarks appear in the file exactly when the graph serves them.
      for (const remark of graph.remarks) if (remark) expect(file.text).toContain(remark);
    });
  }

  it('displacement export works and validates its filters, naming the parameter', async () => {
    const ok = await exportAs('public', '/export/humanitarian/displacement.csv?countryIso3=SSD');
    expect(ok.status).toBe(200);
    expect(ok.text.split('\r\n')[1]).toMatch(/#affected\+idps\+ind,#affected\+idps\+hh/);
    const bad = await exportAs('public', '/export/humanitarian/displacement.csv?reportingRound=two');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/reportingRound/);
  });

  it('a filter naming nothing known, or an unknown parameter, is a 400 naming each, not an empty file', async () => {
    const cases: [string, RegExp[]][] = [
      ['/export/humanitarian/3w.csv?cluster=NOPE', [/cluster: 'NOPE' is not one of PROTECTION, HEALTH/]],
      ['/export/humanitarian/3w.csv?countryIso3=XXX', [/countryIso3: 'XXX' is not a known ISO 3166 alpha-3 country code/]],
      ['/export/humanitarian/3w.csv?adminAreaPcode=CF99', [/adminAreaPcode: 'CF99' is not a known admin area p-code/]],
      ['/export/humanitarian/3w.csv?organizationId=no-such-ngo', [/organizationId: 'no-such-ngo' is not a known organisation id/]],
      ['/export/humanitarian/3w.csv?status=DONE', [/status: 'DONE' is not one of PLANNED, ONGOING, COMPLETED/]],
      ['/export/humanitarian/3w.csv?cluster=HEALTH&cluster=WASH', [/cluster: given 2 times/]],
      ['/export/humanitarian/displacement.csv?populationGroup=VISITORS', [/populationGroup: 'VISITORS' is not one of IDPS, REFUGEES, RETURNEES/]],
      // Parameters of the other export, or misspelt, are named together with every bad value.
      ['/export/humanitarian/displacement.csv?colour=blue&cluster=HEALTH&countryIso3=XXX', [/unknown parameters colour, cluster \(this export takes countryIso3, adminAreaPcode, populationGroup, reportingRound\)/, /countryIso3: 'XXX'/]],
    ];
    for (const [path, messages] of cases) {
      const res = await exportAs('public', path);
      expect(res.status, path).toBe(400);
      expect(res.type, path).toMatch(/json/);
      for (const message of messages) expect(res.text, path).toMatch(message);
      expect(res.text, path).toMatch(/BAD_USER_INPUT/);
    }
    // Known values in any case the graph accepts still give the file.
    const ok = await exportAs('public', '/export/humanitarian/3w.csv?countryIso3=caf&adminAreaPcode=cf21&cluster=HEALTH&status=ONGOING&organizationId=nrc&activeOn=2025-03-01');
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/text\/csv/);
  });

  it('refuses a bad token, an unknown export, and unsigned or re-targeted calls to the subgraph', async () => {
    const forged = await fetch(t.gatewayUrl.replace(/\/graphql$/, '/export/humanitarian/3w.csv'), { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
    expect((await exportAs('public', '/export/incidents/victims.csv')).status).toBe(404);
    const direct = t.subgraphUrl('humanitarian').replace(/\/graphql$/, '/export/3w.csv');
    expect((await fetch(direct)).status).toBe(401);
    // A signature made for the displacement file does not open the 3W file.
    const signedForOther = signIdentity(t.signingSecret, demoIdentity('mission-ops'), signedRouteMaterial('/export/displacement.csv'), { subgraph: 'humanitarian' });
    expect((await fetch(direct, { headers: signedForOther })).status).toBe(401);
  });
});
