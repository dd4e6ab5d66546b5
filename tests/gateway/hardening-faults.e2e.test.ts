// Issue 8, faults: slow and dead subgraphs, health and readiness, PostgreSQL stopped and
// restarted under a running stack, and retried writes — over HTTP, on a PostgreSQL cluster of
// this file's own (the shared server on 5432 is never stopped).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@peacegraph/kit';
import type { RunningGateway } from '@peacegraph/gateway';
import { operationalPresence } from '../../subgraphs/humanitarian/src/tables';
import { seedHumanitarian } from '@peacegraph/humanitarian';
import { seedReference } from '@peacegraph/missions/seed';
import { seedAgreements } from '../../scripts/seed/agreements';
import { mintDevToken } from '../../scripts/token';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';
import { post, startFaultProxy, startHardenedGateway, startThrowawayPostgres, type FaultProxy, type ThrowawayPostgres } from '../process-harness';

const pg = await startThrowawayPostgres();

const SAVE = `mutation Save3W($input: OperationalPresenceInput!) { saveOperationalPresence(input: $input) { id organizationId cluster } }`;
function presence(clientKey: string, cluster = 'SHELTER') {
  return {
    clientKey,
    cluster,
    adminAreaPcode: 'CF431',
    periodStart: '2025-03-01',
    periodEnd: '2025-08-31',
    status: 'ONGOING',
    targeted: { femaleChildren: 30, maleChildren: 28, femaleAdults: 22, maleAdults: 20 },
    reached: { total: 64 },
    // The row itself does not store the key: the remark tells this test's rows apart.
    remarks: `hardening test ${clientKey}`,
  };
}

describe.skipIf(!pg)('faults', () => {
  let cluster: ThrowawayPostgres;
  let t: TestStack;
  let proxy: FaultProxy;
  let g: RunningGateway;
  let nrc: Record<string, string>;
  const TIMEOUT_MS = 1500;

  beforeAll(async () => {
    cluster = pg!;
    t = await startTestStack({ label: 'postgres', create: () => openDatabase({ url: cluster.url, maxConnections: 5 }) }, { seed: false });
    // What the write needs (agreements, organisations, the reference areas writes are checked
    // against), without the large UN imports.
    await seedReference(t.database.db);
    await seedAgreements(t.database.db);
    await seedHumanitarian(t.database.db);
    proxy = await startFaultProxy(t.subgraphUrl('humanitarian'));
    // The default timeout stays long; humanitarian's own is short (HUMANITARIAN_TIMEOUT_MS in production).
    g = await startHardenedGateway(t, { subgraphTimeoutMs: 10_000, subgraphTimeoutsMs: { humanitarian: TIMEOUT_MS }, subgraphUrls: { humanitarian: proxy.url } });
    nrc = { authorization: `Bearer ${await mintDevToken('ngo-partner', { secret: TEST_JWT_SECRET })}` };
  });
  afterAll(async () => {
    await g?.stop();
    await proxy?.close().catch(() => {});
    await t?.stop();
    cluster?.destroy();
  });

  const rows = async (clientKey: string) =>
    (await t.database.db.select({ n: count() }).from(operationalPresence).where(eq(operationalPresence.remarks, `hardening test ${clientKey}`)))[0]!.n;

  it('/healthz and /readyz answer on the gateway and every subgraph', async () => {
    for (const url of [g.url, t.gatewayUrl, ...t.stack.subgraphs.map((s) => s.url)]) {
      const base = url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status, base).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status, base).toBe(200);
    }
    expect(await (await fetch(g.url.replace('/graphql', '/readyz'))).json()).toEqual({
      status: 'ready',
      subgraphs: { missions: 'up', incidents: 'up', humanitarian: 'up', finance: 'up' },
    });
  });

  it('a retried mutation with the same key writes one row, even when the first connection dropped mid-request', async () => {
    const first = await post(g.url, { query: SAVE, variables: { input: presence('hardening-retry-1') } }, nrc);
    expect(first.status, first.text).toBe(200);
    expect(first.json.errors).toBeUndefined();
    const retry = await post(g.url, { query: SAVE, variables: { input: presence('hardening-retry-1') } }, nrc);
    expect(retry.json.data!.saveOperationalPresence.id).toBe(first.json.data!.saveOperationalPresence.id);
    expect(await rows('hardening-retry-1')).toBe(1);

    // The client gives up while the (slowed) subgraph is still writing; the retry gets the first result.
    proxy.delayMs = 300;
    const aborted = fetch(g.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...nrc },
      body: JSON.stringify({ query: SAVE, variables: { input: presence('hardening-retry-2') } }),
      signal: AbortSignal.timeout(100),
    });
    await expect(aborted).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 600));
    proxy.delayMs = 0;
    const again = await post(g.url, { query: SAVE, variables: { input: presence('hardening-retry-2') } }, nrc);
    expect(again.json.errors, again.text).toBeUndefined();
    expect(await rows('hardening-retry-2')).toBe(1);
  });

  it('a hanging subgraph yields partial data with an error at its path within the timeout; other queries stay fast', async () => {
    proxy.delayMs = 30_000;
    try {
      const started = Date.now();
      const slow = post(g.url, { query: '{ countries { iso3 } organization(id: "nrc") { name } }' });
      // Meanwhile a query that does not touch the hanging subgraph is answered at once.
      const fastStarted = Date.now();
      const fast = await post(g.url, { query: '{ countries { iso3 } fiscalPeriods { __typename } }' });
      expect(fast.status).toBe(200);
      expect(fast.json.errors).toBeUndefined();
      expect(Date.now() - fastStarted).toBeLessThan(TIMEOUT_MS);
      const res = await slow;
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(took).toBeLessThan(TIMEOUT_MS + 2000);
      expect(res.status).toBe(200);
      expect(res.json.data).toEqual({ countries: expect.any(Array), organization: null });
      expect(res.json.errors).toEqual([
        {
          message: `The humanitarian service did not answer within ${TIMEOUT_MS} ms.`,
          path: ['organization'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', requestId: res.headers.get('x-request-id') },
        },
      ]);
    } finally {
      proxy.delayMs = 0;
    }
  });

  it('a subgraph killed mid-test: partial data at once, and the gateway is no longer ready', async () => {
    const ok = await post(g.url, { query: '{ organization(id: "nrc") { name } }' });
    expect(ok.json.data!.organization).not.toBeNull();
    proxy.dead = true; // every connection to the "process" is reset, as after a crash
    try {
      const started = Date.now();
      const res = await post(g.url, { query: '{ countries { iso3 } organization(id: "nrc") { name } }' });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
      expect(res.json.data).toEqual({ countries: expect.any(Array), organization: null });
      expect(res.json.errors![0]).toMatchObject({ path: ['organization'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
      const ready = await fetch(g.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { subgraphs: Record<string, string> }).subgraphs.humanitarian).toBe('down');
    } finally {
      proxy.dead = false;
    }
  });

  it('PostgreSQL stopped: readiness fails, no request hangs; restarted: ready again without a restart, acknowledged writes all there', async () => {
    const keys = ['pg-down-1', 'pg-down-2', 'pg-down-3'];
    for (const key of keys) {
      const res = await post(g.url, { query: SAVE, variables: { input: presence(key) } }, nrc);
      expect(res.json.errors, res.text).toBeUndefined();
    }
    const readyz = () => fetch(g.url.replace('/graphql', '/readyz'), { signal: AbortSignal.timeout(10_000) });
    const subgraphReadyz = () => fetch(t.subgraphUrl('missions').replace('/graphql', '/readyz'), { signal: AbortSignal.timeout(10_000) });

    cluster.stop();
    try {
      const started = Date.now();
      expect((await readyz()).status).toBe(503);
      expect((await subgraphReadyz()).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(8000);
      const during = Date.now();
      const read = await post(g.url, { query: '{ countries { iso3 } }' });
      const write = await post(g.url, { query: SAVE, variables: { input: presence('pg-down-while') } }, nrc);
      expect(Date.now() - during).toBeLessThan(15_000);
      for (const res of [read, write]) {
        // Issue 15: an outage has its own code and status, so a client knows to retry.
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBeTruthy();
        expect(res.json.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
        expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
      }
    } finally {
      cluster.start();
    }
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await readyz()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    const after = await post(g.url, { query: '{ organization(id: "nrc") { name } }' });
    expect(after.json.errors).toBeUndefined();
    for (const key of keys) expect(await rows(key), key).toBe(1);
  });
});
