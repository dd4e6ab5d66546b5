// Issue 19: the gateway's result-shaping shortcuts — the single-fetch shortcut
// (gateway/src/single-fetch.ts: a one-fetch plan answered with the subgraph's data as it came) and
// the compiled shaper (gateway/src/result-shaping.ts: every other plan) — stand in for
// @apollo/gateway's computeResponse. They must be invisible: two production gateways on the same
// real subgraphs, one with the shortcuts and one without,
// each with its response cache, must give byte-for-byte the same answers (status, body) for
// every persisted operation, as every demo audience, with the variables the benchmark and the
// dashboard send — asked twice, so cached answers are compared too — and for error cases:
// FORBIDDEN fields (partial data), a subgraph's own refusal, a non-null root field nulled by an
// error, and a subgraph that does not answer. Real gateways over HTTP on PGlite and PostgreSQL.
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { DEMO_IDENTITIES } from '@peacegraph/reference';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, buildManifest, startGateway, type RunningGateway } from '@peacegraph/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../scripts/bench/operations';
import { SUPERGRAPH_PATH } from '../../scripts/compose';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

const AUDIENCES = DEMO_IDENTITIES.map((d) => d.audience);

/** Variables per persisted operation: the benchmark's (Q1–Q5) and the dashboard's. */
const VARIABLES: Record<string, Record<string, unknown>[]> = {
  DashboardFunding: [{ year: 2024 }, {}],
  DashboardHumanitarian: [{ countryIso3: 'CAF' }],
  DashboardIncidentReported: [{ mission: 'MINUSCA' }],
  DashboardIncidents: [{ mission: 'MINUSCA', countryIso3: 'CAF', first: 20 }],
  DashboardMissionOverview: [{ mission: 'MINUSCA', year: 2023 }],
  DashboardPartner: [{ organizationId: 'nrc' }, { organizationId: 'caritas-bangui' }],
  FatalitiesByYear: [{ missionId: 'MINUSCA', fromYear: 2015, toYear: 2024 }, {}],
  IncidentsByAreaAndMonth: [OPERATIONS.Q4.variables()],
  MissionMandate: [OPERATIONS.Q1.variables(), { acronym: 'NO-SUCH-MISSION' }],
  MissionOverview: [{ acronym: 'MINUSCA' }, { acronym: 'MONUSCO' }],
  MissionsContributorsBudgets: [OPERATIONS.Q2.variables()],
  // The same clientKey as the warm-up below: a replay, the same answer through either gateway.
  ReportIncident: [{ input: { ...(OPERATIONS.Q5.variables().input as object), clientKey: 'single-fetch-differential' } }],
  SituationalPicture: [OPERATIONS.Q3.variables()],
};

/** One-fetch operations that end in errors: FORBIDDEN fields, a subgraph's refusal, a nulled non-null root. */
const ERROR_CASES = [
  '{ seaAllegations(missionId: "MINUSCA") { nodes { id } } incidents(page: { first: 2 }) { nodes { id eventDate } } }',
  '{ seaAllegationStatistics(missionId: "MINUSCA") { year } incidents(page: { first: 1 }) { nodes { id } } }',
  '{ mission(acronym: "MINUSCA") { id name } missions(page: { first: -1 }) { nodes { id } } }',
  '{ incidents(page: { first: 3 }) { nodes { id location { latitude longitude precision } victims { id } } } }',
  '{ m: mission(acronym: "MINUSCA") { acronym a: name } __typename }',
];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

for (const kind of TEST_DATABASES) {
  describe(`the single-fetch shortcut on ${kind.label}`, () => {
    let t: TestStack;
    const gateways: RunningGateway[] = [];
    const decisions: { name: string | null; passes: boolean }[] = [];
    const decided = (name: string) => decisions.find((d) => d.name === name)?.passes;
    let shortcut: RunningGateway;
    let shaped: RunningGateway;

    async function gateway(on: boolean, subgraphUrls: Record<string, string>): Promise<RunningGateway> {
      const g = await startGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
        subgraphUrls,
        signingSecret: t.signingSecret,
        jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
        port: 0,
        host: '127.0.0.1',
        production: true,
        rateLimit: false,
        responseCache: { database: t.database },
        shapingShortcuts: on ? { onSingleFetchDecision: (name, passes) => decisions.push({ name, passes }) } : false,
      });
      gateways.push(g);
      return g;
    }

    beforeAll(async () => {
      t = await startTestStack(kind);
      const subgraphUrls = Object.fromEntries(t.stack.subgraphs.map((s) => [s.name, s.url]));
      shortcut = await gateway(true, subgraphUrls);
      shaped = await gateway(false, subgraphUrls);
      // The report both gateways replay (mutations are not cached: each is asked of the subgraph).
      const first = await t.query('mission-ops', buildManifest().operations.find((o) => o.name === 'ReportIncident')!.body, VARIABLES.ReportIncident![0]);
      expect(first.body.errors, first.text).toBeUndefined();
    }, 180_000);
    afterAll(async () => {
      for (const g of gateways) await g.stop();
      await t?.stop();
    });

    async function ask(g: RunningGateway, audience: string, query: string, variables?: Record<string, unknown>) {
      const token = await t.tokenFor(audience);
      const res = await fetch(g.url.replace('localhost', '127.0.0.1'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return `${res.status} ${res.headers.get('cache-control')} ${(await res.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"…"')}`;
    }

    /** Asked twice of each gateway (the second may be a cache hit): all four answers equal. */
    async function expectSame(label: string, audience: string, query: string, variables?: Record<string, unknown>) {
      const through = await ask(shortcut, audience, query, variables);
      expect(await ask(shaped, audience, query, variables), label).toBe(through);
      expect(await ask(shortcut, audience, query, variables), `${label}, again`).toBe(through);
      expect(await ask(shaped, audience, query, variables), `${label}, again`).toBe(through);
      return through;
    }

    it('answers every persisted operation, as every audience, exactly as result shaping does', async () => {
      const operations = buildManifest().operations;
      expect(operations.map((o) => o.name).sort()).toEqual(Object.keys(VARIABLES).sort());
      for (const operation of operations) {
        for (const variables of VARIABLES[operation.name]!) {
          for (const audience of AUDIENCES) await expectSame(`${operation.name} ${JSON.stringify(variables)} as ${audience}`, audience, operation.body, variables);
        }
      }
      // The shortcut was taken where the plan is one fetch, and only there.
      expect(decisions.filter((d) => d.passes).map((d) => d.name)).toEqual(['DashboardFunding', 'FatalitiesByYear', 'IncidentsByAreaAndMonth', 'MissionMandate', 'MissionOverview', 'ReportIncident']);
      expect(decided('SituationalPicture')).toBeUndefined(); // many fetches: never asked
    }, 300_000);

    it('answers errors exactly as result shaping does: FORBIDDEN, a subgraph refusal, a nulled non-null root', async () => {
      const answers: string[] = [];
      for (const query of ERROR_CASES) for (const audience of AUDIENCES) answers.push(await expectSame(`${query} as ${audience}`, audience, query));
      // The cases cover what they claim: a FORBIDDEN beside data, a refusal, a root nulled whole.
      expect(answers.some((a) => a.includes('"FORBIDDEN"') && a.includes('"data":{'))).toBe(true);
      expect(answers.some((a) => a.includes('"BAD_USER_INPUT"'))).toBe(true);
      expect(answers.some((a) => a.includes('"data":null'))).toBe(true);
      // Decided once per plan, where the subgraph sent data: the FORBIDDEN beside data, the statistics
      // (data for some audiences; a nulled root, shaped as before, for others), the victims; the last
      // case's root __typename is the gateway's own, so it is shaped.
      expect(decisions.filter((d) => d.name === null).map((d) => d.passes)).toEqual([true, true, true, false]);
    }, 300_000);

    it('answers as result shaping does when the subgraph does not answer', async () => {
      const subgraphUrls = Object.fromEntries(t.stack.subgraphs.map((s) => [s.name, s.url]));
      subgraphUrls.missions = `http://127.0.0.1:${await closedPort()}/graphql`;
      shortcut = await gateway(true, subgraphUrls);
      shaped = await gateway(false, subgraphUrls);
      const answer = await expectSame('missions down', 'mission-ops', buildManifest().operations.find((o) => o.name === 'MissionMandate')!.body, OPERATIONS.Q1.variables());
      expect(answer).toContain('SUBGRAPH_UNAVAILABLE');
      // Two fetches, the second (the missions' budgets) to the dead subgraph: nulls where the API says
      // non-null, which @apollo/gateway's shaping reports and propagates (the compiled one declines).
      const financeDown = { ...Object.fromEntries(t.stack.subgraphs.map((s) => [s.name, s.url])), finance: subgraphUrls.missions! };
      shortcut = await gateway(true, financeDown);
      shaped = await gateway(false, financeDown);
      const q2 = buildManifest().operations.find((o) => o.name === 'MissionsContributorsBudgets')!.body;
      expect(await expectSame('finance down, Q2', 'donor', q2, OPERATIONS.Q2.variables())).toContain('SUBGRAPH_UNAVAILABLE');
    });
  });
}
