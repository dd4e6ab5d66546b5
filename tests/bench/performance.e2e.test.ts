// Issue 9: the number of SQL statements an operation costs must not grow with its page size.
// Q1–Q5 of the benchmark (persisted-operations/) run through the gateway over HTTP; the
// statement counter of the one database every subgraph shares is read around each request, and
// a counting proxy in front of each subgraph counts the requests the gateway sends it (issue 19).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGateway, type RunningGateway } from '@peacegraph/gateway';
import { compose } from '../../scripts/compose';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { postGraphQL, tokenFor } from '../../scripts/bench/client';
import { countingProxy } from '../../scripts/bench/counting-proxy';
import { OPERATIONS, operationOf, type QueryId } from '../../scripts/bench/operations';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

describe.each(TEST_DATABASES)('statements per operation on $label', (kind) => {
  let stack: TestStack;
  let gateway: RunningGateway;
  let proxies: Record<string, Awaited<ReturnType<typeof countingProxy>>>;

  beforeAll(async () => {
    stack = await startTestStack(kind);
    proxies = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await countingProxy(stack.subgraphUrl(s.name))] as const)));
    // The supergraph composed from the code under test (schema/ may lag behind it).
    const { supergraphSdl } = await compose();
    gateway = await startGateway({
      supergraphSdl,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, proxies[s.name]!.url])),
      signingSecret: stack.signingSecret,
      jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: 'peacegraph-dev', audience: 'peacegraph' },
      port: 0,
      host: '127.0.0.1',
      limits: false,
      rateLimit: false,
    });
  }, 180_000);
  afterAll(async () => {
    await gateway?.stop();
    for (const proxy of Object.values(proxies ?? {})) await proxy.close();
    await stack?.stop();
  });

  const requestCounts = () => Object.fromEntries(Object.entries(proxies).map(([name, p]) => [name, p.count()]));

  /** Statements and subgraph requests (by subgraph, those sent any) one request costs, counted once the audit flush after the response is done. */
  async function statementsFor(id: QueryId, audience: string, variables: Record<string, unknown>) {
    const token = await tokenFor(audience, TEST_JWT_SECRET);
    // Steady state: a caller's first request also loads their agreements into each process's cache.
    await postGraphQL(gateway.url, token, { query: operationOf(id).body, variables });
    return counted(token, id, variables);
  }

  /** One request's statements, counted once the counter has stood still (the audit flush runs after the response). */
  async function counted(token: string | undefined, id: QueryId, variables: Record<string, unknown>) {
    await new Promise((r) => setTimeout(r, 100));
    const before = stack.database.statementCount();
    const requestsBefore = requestCounts();
    const answer = await postGraphQL(gateway.url, token, { query: operationOf(id).body, variables });
    const requests = Object.fromEntries(Object.entries(requestCounts()).map(([name, n]) => [name, n - requestsBefore[name]!]).filter(([, n]) => n !== 0));
    let count = stack.database.statementCount();
    for (let settled = 0; settled < 3; ) {
      await new Promise((r) => setTimeout(r, 30));
      const now = stack.database.statementCount();
      settled = now === count ? settled + 1 : 0;
      count = now;
    }
    expect(answer.status, answer.text.slice(0, 500)).toBe(200);
    expect(answer.body.errors, answer.text.slice(0, 500)).toBeUndefined();
    return { statements: count - before, requests, data: answer.body.data };
  }

  test('Q2 (missions with contributors and budgets): 10 and 500 missions cost the same statements', async () => {
    const small = await statementsFor('Q2', 'un-agency', OPERATIONS.Q2.variables({ pageSize: 10 }));
    const large = await statementsFor('Q2', 'un-agency', OPERATIONS.Q2.variables({ pageSize: 500 }));
    expect(small.data.missions.nodes).toHaveLength(10);
    expect(large.data.missions.nodes.length).toBeGreaterThan(10);
    expect(large.data.missions.nodes.some((m: any) => m.budgets.length > 0)).toBe(true);
    expect(large.statements).toBe(small.statements);
  });

  test('Q3 (situational picture): 10 and 500 incidents, 1 and 500 rows per area list, cost the same statements', async () => {
    const small = await statementsFor('Q3', 'mission-ops', OPERATIONS.Q3.variables({ pageSize: 10, areaPageSize: 1 }));
    const large = await statementsFor('Q3', 'mission-ops', OPERATIONS.Q3.variables({ pageSize: 500, areaPageSize: 500 }));
    expect(small.data.mission.incidents.nodes).toHaveLength(10);
    const nodes = large.data.mission.incidents.nodes as any[];
    expect(nodes.length).toBeGreaterThan(10);
    // The deeper waves had rows to fetch: areas with 3W presence under many incidents.
    expect(nodes.some((n) => n.adminArea.operationalPresence.nodes.length > 1)).toBe(true);
    expect(small.data.mission.incidents.nodes.every((n: any) => n.adminArea.operationalPresence.nodes.length <= 1)).toBe(true);
    expect(large.statements).toBe(small.statements);
    // The incidents' admin areas take name and level from the incidents subgraph (@shareable):
    // the missions subgraph is asked only for the mission itself.
    expect(small.requests.missions).toBe(1);
    expect(large.requests).toEqual(small.requests);
  });

  test('an admin area reached from many incidents (sent to its subgraph once) answers as when asked for directly', async () => {
    const { data } = await statementsFor('Q3', 'mission-ops', OPERATIONS.Q3.variables({ pageSize: 200 }));
    const byArea = new Map<string, unknown[]>();
    for (const node of data.mission.incidents.nodes as any[]) byArea.set(node.adminArea.pcode, [...(byArea.get(node.adminArea.pcode) ?? []), node.adminArea]);
    const shared = [...byArea.entries()].filter(([, seen]) => seen.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    const token = await tokenFor('mission-ops', TEST_JWT_SECRET);
    for (const [pcode, seen] of shared.slice(0, 3)) {
      const direct = await postGraphQL(gateway.url, token, {
        query: `query ($pcode: PCode!) { adminArea(pcode: $pcode) { pcode name level accessConstraints(page: { first: 5 }) { nodes { id constraintType impact occurredOn } } operationalPresence(page: { first: 5 }) { nodes { id organizationId cluster status } } } }`,
        variables: { pcode },
      });
      expect(direct.body.errors).toBeUndefined();
      for (const copy of seen) expect(copy).toEqual(direct.body.data.adminArea);
    }
  });

  test('Q1 (mission mandate): the same statements whatever the number of tasks', async () => {
    const one = await statementsFor('Q1', 'public', { acronym: 'MINUSCA' });
    const other = await statementsFor('Q1', 'public', { acronym: 'MONUSCO' });
    const tasks = (data: any) => (data.mission.resolutions as any[]).reduce((n, r) => n + r.tasks.length, 0);
    expect(tasks(one.data)).toBeGreaterThan(0);
    expect(tasks(other.data)).not.toBe(tasks(one.data));
    expect(other.statements).toBe(one.statements);
  });

  test('Q4 (incidents by area × month): a month and two years of cells cost the same statements', async () => {
    const narrow = await statementsFor('Q4', 'public', { filter: { missionId: 'MINUSCA', fromMonth: '2024-06', toMonth: '2024-06', adminLevel: 1 } });
    const wide = await statementsFor('Q4', 'public', OPERATIONS.Q4.variables());
    expect(wide.data.incidentStatistics.length).toBeGreaterThan(narrow.data.incidentStatistics.length);
    expect(wide.statements).toBe(narrow.statements);
    // One fetch: the cells' adminArea { name } comes from the incidents subgraph (@shareable).
    expect(wide.requests).toEqual({ incidents: 1 });
    expect(narrow.requests).toEqual({ incidents: 1 });
  });

  test('AdminArea name and level: the incidents subgraph answers as the missions subgraph, in EN and FR', async () => {
    const ask = async (query: string, acceptLanguage: string) => {
      const before = requestCounts();
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { data?: any; errors?: unknown };
      expect(body.errors).toBeUndefined();
      const sentTo = Object.entries(requestCounts()).filter(([name, n]) => n !== before[name]).map(([name]) => name);
      return { data: body.data, sentTo };
    };
    const area = 'adminAreaPcode adminArea { name level fr: name(language: FR) en: name(language: EN) }';
    const cells = (mission: string, level: number) => `${mission}${level}: incidentStatistics(filter: { missionId: "${mission}", adminLevel: ${level} }) { ${area} }`;
    const fromIncidents = `{ ${['MINUSCA', 'MONUSCO', 'UNMISS'].flatMap((m) => [cells(m, 1), cells(m, 2)]).join(' ')} }`;
    const fromMissions = `{ ${['CAF', 'COD', 'SSD'].map((iso3) => `${iso3}: adminAreas(countryIso3: "${iso3}") { pcode name level fr: name(language: FR) en: name(language: EN) }`).join(' ')} }`;
    for (const language of ['en', 'fr']) {
      const incidents = await ask(fromIncidents, language);
      expect(incidents.sentTo).toEqual(['incidents']);
      const missions = await ask(fromMissions, language);
      expect(missions.sentTo).toEqual(['missions']);
      const byPcode = new Map((Object.values(missions.data).flat() as any[]).map(({ pcode, ...fields }) => [pcode, fields]));
      const served = (Object.values(incidents.data).flat() as any[]).map((cell) => [cell.adminAreaPcode, cell.adminArea] as const);
      // Both levels, French (CAF, COD) and English (SSD) names.
      expect(new Set(served.map(([, a]) => a.level))).toEqual(new Set([1, 2]));
      expect(new Set(served.map(([pcode]) => pcode.slice(0, 2)))).toEqual(new Set(['CF', 'CD', 'SS']));
      for (const [pcode, fields] of served) expect(fields, pcode).toEqual(byPcode.get(pcode));
    }
  });

  test('Q5 (report an incident): a new report and its replay read the mission once, and the new one answers with the row it inserted', async () => {
    const token = await tokenFor('mission-ops', TEST_JWT_SECRET);
    await counted(token, 'Q5', OPERATIONS.Q5.variables({ n: 0 })); // the caller's agreements and directory entry, loaded once
    const variables = OPERATIONS.Q5.variables({ n: 1 });
    const fresh = await counted(token, 'Q5', variables);
    const replay = await counted(token, 'Q5', variables);
    expect(fresh.data.reportIncident.replayed).toBe(false);
    expect(replay.data.reportIncident).toEqual({ ...fresh.data.reportIncident, replayed: true });
    // 14 and 9 before the mission was read once and the inserted row returned (docs/benchmarks.md, "Statements (2026-12-04)").
    expect(fresh.statements).toBe(12);
    expect(replay.statements).toBe(8);
  });

  test('one document, different variables: each answer shaped for its own @include/@skip (the gateway keeps the shaping Operation per document)', async () => {
    const query = 'query Shape($acronym: String!, $withTasks: Boolean!, $noName: Boolean!) { mission(acronym: $acronym) { acronym name @skip(if: $noName) resolutions { symbol tasks @include(if: $withTasks) { id } } } }';
    const ask = async (variables: Record<string, unknown>) => {
      const answer = await postGraphQL(gateway.url, undefined, { query, variables });
      expect(answer.body.errors, answer.text.slice(0, 500)).toBeUndefined();
      return answer.body.data.mission;
    };
    const full = await ask({ acronym: 'MINUSCA', withTasks: true, noName: false });
    const bare = await ask({ acronym: 'MINUSCA', withTasks: false, noName: true });
    const other = await ask({ acronym: 'MONUSCO', withTasks: true, noName: false });
    expect(full.name).toBeTruthy();
    expect(full.resolutions.some((r: any) => r.tasks.length > 0)).toBe(true);
    expect(bare).not.toHaveProperty('name');
    for (const r of bare.resolutions) expect(r).not.toHaveProperty('tasks');
    expect(bare.resolutions.map((r: any) => r.symbol)).toEqual(full.resolutions.map((r: any) => r.symbol));
    expect(other.acronym).toBe('MONUSCO');
    expect(await ask({ acronym: 'MINUSCA', withTasks: true, noName: false })).toEqual(full);
  });
});
