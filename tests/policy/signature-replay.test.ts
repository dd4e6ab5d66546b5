// Issue 15 item 6: a gateway → subgraph signature names its target subgraph, carries a nonce
// the subgraph accepts once, and expires after a short window. A request captured on the
// internal network is replayed as an attacker would: to the same subgraph, to another one,
// and after the window.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '@peacegraph/gateway';
import { SIGNATURE_WINDOW_MS, SIGNED_HEADERS, TIMESTAMP_HEADER } from '@peacegraph/kit';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';
import { post, startHardenedGateway } from '../process-harness';
import { mintDevToken } from '../../scripts/token';

interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A pass-through in front of one subgraph that keeps a copy of every request, as a network tap would. */
async function tap(targetUrl: string): Promise<{ url: string; captured: Captured[]; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const captured: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      captured.push({ headers: req.headers, body });
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}${target.pathname}`,
    captured,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Sends a captured request again, byte for byte, with its signature headers. */
async function replay(url: string, captured: Captured): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const name of SIGNED_HEADERS) headers[name] = String(captured.headers[name]);
  const res = await fetch(url, { method: 'POST', headers, body: captured.body });
  return { status: res.status, text: await res.text() };
}

const VICTIMS = '{ incidents(page: { first: 3 }) { nodes { id victims { fullName } } } }';

for (const kind of TEST_DATABASES) {
  describe(`signature replay (${kind.label})`, () => {
    let t: TestStack;
    let gateway: RunningGateway;
    let incidentsTap: Awaited<ReturnType<typeof tap>>;
    let captured: Captured;

    beforeAll(async () => {
      t = await startTestStack(kind);
      incidentsTap = await tap(t.subgraphUrl('incidents'));
      gateway = await startHardenedGateway(t, { subgraphUrls: { incidents: incidentsTap.url } });
      const token = await mintDevToken('mission-ops', { secret: TEST_JWT_SECRET });
      const answer = await post(gateway.url, { query: VICTIMS }, { authorization: `Bearer ${token}` });
      expect(answer.json.errors).toBeUndefined();
      expect(answer.json.data!.incidents.nodes.length).toBe(3);
      captured = incidentsTap.captured.find((c) => c.body.includes('victims'))!;
      expect(captured).toBeDefined();
    }, 180_000);
    afterAll(async () => {
      await gateway?.stop();
      await incidentsTap?.close();
      await t?.stop();
    });

    it('the same subgraph refuses a signed request it has already answered', async () => {
      const again = await replay(t.subgraphUrl('incidents'), captured);
      expect(again.status).toBe(401);
      expect(again.text).toContain('gateway signature already used');
      expect(again.text).not.toMatch(/fullName|"data"/);
    });

    it('another subgraph refuses it: the signature names its target', async () => {
      for (const other of ['missions', 'humanitarian', 'finance']) {
        const res = await replay(t.subgraphUrl(other), captured);
        expect(res.status).toBe(401);
        expect(res.text).toContain('invalid gateway signature');
      }
    });

    it('fresh requests through the gateway keep working (each fetch has its own nonce)', async () => {
      const token = await mintDevToken('mission-ops', { secret: TEST_JWT_SECRET });
      for (let i = 0; i < 3; i++) {
        const answer = await post(gateway.url, { query: VICTIMS }, { authorization: `Bearer ${token}` });
        expect(answer.json.errors).toBeUndefined();
      }
    });

    it('after the short window the captured request is refused as expired', async () => {
      expect(SIGNATURE_WINDOW_MS).toBeLessThanOrEqual(30_000);
      // From the moment the gateway signed it (its timestamp header), not from when we asked.
      const signedAt = Number(captured.headers[TIMESTAMP_HEADER]);
      await new Promise((r) => setTimeout(r, Math.max(0, signedAt + SIGNATURE_WINDOW_MS + 500 - Date.now())));
      // A second replica would not have seen the nonce: the timestamp alone must refuse it now.
      const late = await replay(t.subgraphUrl('incidents'), captured);
      expect(late.status).toBe(401);
      expect(late.text).toContain('gateway signature expired');
    }, SIGNATURE_WINDOW_MS + 20_000);
  });
}
