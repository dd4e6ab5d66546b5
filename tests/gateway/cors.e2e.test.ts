// Issue 20: browser callers on another origin — CORS from an allow-list (CORS_ORIGINS), through
// the real gateway over HTTP. Allowed: preflight 204 with the origin itself, and the real answer
// readable; disallowed: no CORS headers, preflight 403; no allow-list: same-origin only. The
// WebSocket upgrade (/graphql/ws), which browsers send with Origin and no CORS, is checked the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningGateway } from '@peacegraph/gateway';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';
import { startHardenedGateway } from '../process-harness';

const DASHBOARD = 'https://dashboard.example.org';
const OTHER = 'https://evil.example';
const QUERY = '{ mission(acronym: "MINUSCA") { name } }';

const CORS_HEADERS = ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age', 'access-control-expose-headers', 'access-control-allow-credentials'];
const corsHeadersOf = (res: Response) => CORS_HEADERS.filter((name) => res.headers.has(name));

describe.each(TEST_DATABASES)('CORS through the gateway ($label)', (kind) => {
  let t: TestStack;
  let allowing: RunningGateway;
  beforeAll(async () => {
    t = await startTestStack(kind);
    allowing = await startHardenedGateway(t, { corsOrigins: [DASHBOARD, 'http://localhost:5173'] });
  }, 120_000);
  afterAll(async () => {
    await allowing?.stop();
    await t?.stop();
  });

  const preflight = (url: string, origin: string, method = 'POST', headers = 'content-type, authorization') =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } });
  const postFrom = (url: string, origin: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { origin, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) });

  it('an allowed origin: preflight 204 naming the origin, methods, headers and max-age; the real POST carries Allow-Origin and Vary', async () => {
    const pre = await preflight(allowing.url, DASHBOARD);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(pre.headers.get('access-control-allow-headers')!.split(',')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-graphql-event-stream-token']));
    expect(Number(pre.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(pre.headers.get('vary')).toMatch(/Origin/);
    // Bearer tokens, not cookies: never credentials, never a wildcard.
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();

    const token = await t.tokenFor('mission-ops');
    const res = await postFrom(allowing.url, DASHBOARD, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { mission: { name: expect.stringMatching(/Central African Republic/) } } });
    expect(res.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('the SSE path and the exports answer an allowed preflight with their own methods, and the export itself is readable', async () => {
    const base = allowing.url.replace(/\/graphql$/, '');
    const sse = await preflight(`${base}/graphql/stream`, 'http://localhost:5173', 'PUT', 'x-graphql-event-stream-token');
    expect(sse.status).toBe(204);
    expect(sse.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(sse.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,DELETE');

    const exportUrl = `${base}/export/humanitarian/3w.csv?countryIso3=CAF`;
    const pre = await preflight(exportUrl, DASHBOARD, 'GET', 'authorization');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET');
    const file = await fetch(exportUrl, { headers: { origin: DASHBOARD } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/text\/csv/);
    expect(file.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
  });

  it('a disallowed origin: no CORS headers on the answer, and its preflight is a 403 that says why', async () => {
    const pre = await preflight(allowing.url, OTHER);
    expect(pre.status).toBe(403);
    expect(corsHeadersOf(pre)).toEqual([]);
    const body = (await pre.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toContain(`Origin ${OTHER} is not allowed`);
    expect(body.errors[0]!.extensions.code).toBe('ORIGIN_NOT_ALLOWED');

    // The browser would not let the script read this; the gateway adds nothing that lets it.
    const res = await postFrom(allowing.url, OTHER);
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual([]);
    // Near misses are other origins: a path, another scheme, a trailing slash.
    for (const near of [`${DASHBOARD}/`, 'http://dashboard.example.org', `${DASHBOARD}:8443`]) {
      expect((await preflight(allowing.url, near)).status).toBe(403);
    }
  });

  it('no allow-list (the default): every cross-origin preflight is refused and no answer carries CORS headers', async () => {
    const pre = await preflight(t.gatewayUrl, DASHBOARD);
    expect(pre.status).toBe(403);
    expect(corsHeadersOf(pre)).toEqual([]);
    const res = await postFrom(t.gatewayUrl, DASHBOARD);
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res)).toEqual([]);
    expect(res.headers.get('vary') ?? '').not.toMatch(/Origin/);
    // An OPTIONS that is no preflight is still not a GraphQL method.
    expect((await fetch(t.gatewayUrl, { method: 'OPTIONS' })).status).toBe(405);
  });

  it("Apollo's CSRF prevention still holds for an allowed origin: a simple GET without a preflight header is refused", async () => {
    const simple = await fetch(`${allowing.url}?query=${encodeURIComponent(QUERY)}`, { headers: { origin: DASHBOARD } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    const withHeader = await fetch(`${allowing.url}?query=${encodeURIComponent(QUERY)}`, { headers: { origin: DASHBOARD, 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
  });

  /** Opens /graphql/ws (graphql-ws) from `origin` (none: a non-browser client): the upgrade's status, and whether graphql-ws then acknowledged. */
  function upgradeFrom(gatewayUrl: string, origin: string | undefined): Promise<{ status: number; acknowledged: boolean }> {
    const url = gatewayUrl.replace(/^http/, 'ws').replace(/\/graphql$/, '/graphql/ws');
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', origin === undefined ? {} : { origin });
      socket.on('unexpected-response', (_req, res) => {
        resolve({ status: res.statusCode ?? 0, acknowledged: false });
        socket.terminate();
      });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data) => {
        resolve({ status: 101, acknowledged: JSON.parse(String(data)).type === 'connection_ack' });
        socket.close();
      });
      socket.on('error', reject);
    });
  }

  it('the WebSocket upgrade: an allowed origin, the gateway\'s own and no Origin connect; any other origin is refused with 403 before a message', async () => {
    const g = await startHardenedGateway(t, { corsOrigins: [DASHBOARD], subscriptions: { database: t.database } });
    try {
      const own = `http://${new URL(g.url).host}`;
      expect(await upgradeFrom(g.url, DASHBOARD)).toEqual({ status: 101, acknowledged: true });
      expect(await upgradeFrom(g.url, undefined)).toEqual({ status: 101, acknowledged: true });
      expect(await upgradeFrom(g.url, own)).toEqual({ status: 101, acknowledged: true });
      for (const other of [OTHER, `${DASHBOARD}:8443`, 'http://dashboard.example.org', 'null']) {
        expect(await upgradeFrom(g.url, other)).toEqual({ status: 403, acknowledged: false });
      }
      // No allow-list (the test stack's gateway): same-origin only.
      expect(await upgradeFrom(t.gatewayUrl, DASHBOARD)).toEqual({ status: 403, acknowledged: false });
      expect(await upgradeFrom(t.gatewayUrl, `http://${new URL(t.gatewayUrl).host}`)).toEqual({ status: 101, acknowledged: true });
    } finally {
      await g.stop();
    }
  });
});
