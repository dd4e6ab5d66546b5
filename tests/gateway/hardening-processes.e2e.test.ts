// Issue 8, scale-out and operations: every service as its own process configured only by
// environment; JSON request logs; SIGTERM during a slow request; production refusing to start
// without its secrets; the committed supergraph served unchanged by Hive Gateway against the
// same subgraph processes, with the same answers as ours.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createHiveGateway } from '../../scripts/services/hive-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, openDatabase } from '@peacegraph/kit';
import { seedHumanitarian } from '@peacegraph/humanitarian';
import { SUPERGRAPH_PATH } from '../../scripts/compose';
import { seedAgreements } from '../../scripts/seed/agreements';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { mintDevToken } from '../../scripts/token';
import { TEST_JWT_SECRET } from '../harness';
import {
  freePort,
  post,
  spawnScript,
  startFaultProxy,
  startThrowawayPostgres,
  type ChildService,
  type FaultProxy,
  type ThrowawayPostgres,
} from '../process-harness';

const pg = await startThrowawayPostgres();
const SECRET = randomBytes(32).toString('base64url');

describe('start-up in production', () => {
  it('the gateway refuses to start without GATEWAY_SIGNING_SECRET or JWT_JWKS_URL / JWT_PUBLIC_KEY; a subgraph without its secret or database', async () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ['scripts/services/gateway.ts', { NODE_ENV: 'production', GATEWAY_SIGNING_SECRET: '', JWT_JWKS_URL: '', JWT_PUBLIC_KEY: '' }, /GATEWAY_SIGNING_SECRET is required in production/],
      ['scripts/services/gateway.ts', { NODE_ENV: 'production', GATEWAY_SIGNING_SECRET: SECRET, JWT_JWKS_URL: '', JWT_PUBLIC_KEY: '', JWT_SECRET: 'x'.repeat(40) }, /Production needs JWT_JWKS_URL or JWT_PUBLIC_KEY/],
      ['scripts/services/subgraph.ts', { NODE_ENV: 'production', SUBGRAPH: 'missions', GATEWAY_SIGNING_SECRET: '' }, /GATEWAY_SIGNING_SECRET/],
      ['scripts/services/subgraph.ts', { SUBGRAPH: 'missions', GATEWAY_SIGNING_SECRET: SECRET, DATABASE_URL: '' }, /DATABASE_URL is required/],
    ];
    const runs = cases.map(([script, env]) => spawnScript(script, env));
    for (const [i, run] of runs.entries()) {
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(cases[i]![2]);
    }
  });
});

describe.skipIf(!pg)('every service as its own process', () => {
  let cluster: ThrowawayPostgres;
  const subgraphs: ChildService[] = [];
  let gateway: ChildService;
  let gatewayUrl: string;
  const subgraphUrls: Record<string, string> = {};
  let slowMissions: FaultProxy;

  beforeAll(async () => {
    cluster = pg!;
    const database = await openDatabase({ url: cluster.url, maxConnections: 2 });
    await migrateAll(database);
    await seedAgreements(database.db);
    await seedHumanitarian(database.db);
    await database.close();
    for (const entry of SUBGRAPHS) {
      const port = await freePort();
      subgraphUrls[entry.name] = `http://127.0.0.1:${port}/graphql`;
      subgraphs.push(
        spawnScript('scripts/services/subgraph.ts', {
          SUBGRAPH: entry.name,
          [entry.portVariable]: String(port),
          DATABASE_URL: cluster.url,
          DATABASE_POOL_SIZE: '3',
          GATEWAY_SIGNING_SECRET: SECRET,
        }),
      );
    }
    await Promise.all(subgraphs.map((s) => s.waitFor(/subgraph listening/, 90_000)));
    slowMissions = await startFaultProxy(subgraphUrls.missions!);
    const port = await freePort();
    gatewayUrl = `http://127.0.0.1:${port}/graphql`;
    gateway = spawnScript('scripts/services/gateway.ts', {
      GATEWAY_PORT: String(port),
      // The subgraphs' database: the gateway reads its outboxes for subscriptions.
      DATABASE_URL: cluster.url,
      GATEWAY_SIGNING_SECRET: SECRET,
      JWT_SECRET: TEST_JWT_SECRET,
      MISSIONS_URL: slowMissions.url,
      INCIDENTS_URL: subgraphUrls.incidents,
      HUMANITARIAN_URL: subgraphUrls.humanitarian,
      FINANCE_URL: subgraphUrls.finance,
      SHUTDOWN_GRACE_MS: '5000',
    });
    await gateway.waitFor(/gateway listening/, 60_000);
  });
  afterAll(async () => {
    for (const s of [gateway, ...subgraphs]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    await slowMissions?.close();
    cluster?.destroy();
  });

  const CROSS_SUBGRAPH = `query OrgProfile($id: ID!) {
    organization(id: $id) { id name type fundingGiven(page: { first: 3 }) { nodes { id } } }
    organizations(page: { first: 5 }) { nodes { id name } }
    countries { iso3 }
  }`;

  it('the gateway process answers across the subgraph processes and is ready', async () => {
    const res = await post(gatewayUrl, { query: CROSS_SUBGRAPH, variables: { id: 'nrc' } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.errors).toBeUndefined();
    expect(res.json.data!.organization).toMatchObject({ id: 'nrc', fundingGiven: { nodes: expect.any(Array) } });
    expect((await fetch(gatewayUrl.replace('/graphql', '/readyz'))).status).toBe(200);
    expect(gateway.output()).toMatch(/"tracing":false/);
    // Subgraphs listen on loopback unless SUBGRAPH_HOST says otherwise.
    for (const s of subgraphs) expect(s.output()).toMatch(/"url":"http:\/\/127\.0\.0\.1:\d+\/graphql"/);
  });

  it('logs one JSON line per operation: request id, organisation, operation, duration, subgraph timings — no variables', async () => {
    const marker = 'Victim-Name-Marker-7731';
    const headers = { authorization: `Bearer ${await mintDevToken('ngo-partner', { secret: TEST_JWT_SECRET })}` };
    const res = await post(gatewayUrl, { query: CROSS_SUBGRAPH, variables: { id: marker }, operationName: 'OrgProfile' }, headers);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id')!;
    await new Promise((r) => setTimeout(r, 200));
    const lines = gateway
      .output()
      .split('\n')
      .filter((l) => l.includes(requestId))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => l.msg === 'graphql operation')!;
    expect(line).toMatchObject({ requestId, organization: 'nrc', operationName: 'OrgProfile', status: 200 });
    expect(line.durationMs).toEqual(expect.any(Number));
    const timings = line.subgraphs as { subgraph: string; ms: number; ok: boolean }[];
    expect(timings.map((s) => s.subgraph)).toEqual(expect.arrayContaining(['humanitarian', 'missions']));
    for (const s of timings) expect(s.ms).toEqual(expect.any(Number));
    // Restricted values never reach a log: not the variables, not the token.
    const everything = [gateway.output(), ...subgraphs.map((s) => s.output())].join('\n');
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain(headers.authorization.slice(7));
  });

  it('Hive Gateway serves the committed supergraph unchanged against the same subgraphs, with the same answers', async () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
    // The same Hive set-up operators get (signing, and no in-flight deduplication across callers).
    const hive = await createHiveGateway(supergraph, subgraphUrls, SECRET, TEST_JWT_SECRET);
    const server: Server = createServer(hive);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hiveUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
    try {
      for (const audience of ['public', 'ngo-partner', 'un-agency', 'donor']) {
        const headers: Record<string, string> =
          audience === 'public' ? {} : { authorization: `Bearer ${await mintDevToken(audience, { secret: TEST_JWT_SECRET })}` };
        const ours = await post(gatewayUrl, { query: CROSS_SUBGRAPH, variables: { id: 'nrc' } }, headers);
        const theirs = await post(hiveUrl, { query: CROSS_SUBGRAPH, variables: { id: 'nrc' } }, headers);
        expect(theirs.status, theirs.text).toBe(200);
        expect(theirs.json.data, audience).toEqual(ours.json.data);
        expect((theirs.json.errors ?? []).map((e) => e.path), audience).toEqual((ours.json.errors ?? []).map((e) => e.path));
      }
      expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraph);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await hive.dispose();
    }
  });

  it('a subgraph process killed (SIGKILL): partial data with an error at the path, within the timeout', async () => {
    const finance = subgraphs[SUBGRAPHS.findIndex((s) => s.name === 'finance')]!;
    finance.child.kill('SIGKILL');
    await finance.exited;
    const started = Date.now();
    const res = await post(gatewayUrl, { query: '{ countries { iso3 } fundingFlow(id: "x") { id } }' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ countries: [], fundingFlow: null });
    expect(res.json.errors).toEqual([
      { message: 'The finance service is unavailable.', path: ['fundingFlow'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', requestId: res.headers.get('x-request-id') } },
    ]);
    expect((await fetch(gatewayUrl.replace('/graphql', '/readyz'))).status).toBe(503);
  });

  it('SIGTERM during a slow request: it completes, new requests are refused, the process exits 0', async () => {
    slowMissions.delayMs = 1500;
    const started = Date.now();
    const slow = post(gatewayUrl, { query: '{ countries { iso3 } }' });
    await new Promise((r) => setTimeout(r, 300));
    gateway.child.kill('SIGTERM');
    const res = await slow;
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ data: { countries: [] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(await gateway.exited).toBe(0);
    await expect(fetch(gatewayUrl)).rejects.toThrow();
    expect(gateway.output()).toMatch(/"msg":"stopped"/);
  });

  it('SIGTERM on a subgraph process closes its pool and exits 0', async () => {
    const incidents = subgraphs[SUBGRAPHS.findIndex((s) => s.name === 'incidents')]!;
    incidents.child.kill('SIGTERM');
    expect(await incidents.exited).toBe(0);
    expect(incidents.output()).toMatch(/"msg":"stopped"/);
  });
});
