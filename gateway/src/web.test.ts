// The gateway's browser routes: the explorer and demo tokens exist in development only; a token
// is only ever in a POST response body; bad input gets a clear error.
import { createServer, type Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, sendError } from '@peacegraph/kit';
import { webRoutes, type WebOptions } from './web';

const issuer = { audiences: [{ audience: 'ngo-partner', description: 'NRC' }], mint: async (a: string) => `token-for-${a}` };
let server: Server | undefined;

async function serve(options: WebOptions): Promise<string> {
  const routes = webRoutes(options);
  server = createServer((req, res) => {
    routes(req, res, (req.url ?? '/').split('?')[0]!)
      .then((handled) => handled || res.writeHead(418).end('not a web route'))
      .catch((error: unknown) => sendError(res, error as HttpError, {}));
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((done) => server?.close(done));
  server = undefined;
});

function dashboardDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'web-test-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>dash</title>');
  mkdirSync(path.join(dir, 'boundaries'));
  const geojson = JSON.stringify({ type: 'FeatureCollection', features: [] });
  writeFileSync(path.join(dir, 'boundaries/CAF.geojson'), geojson);
  writeFileSync(path.join(dir, 'boundaries/CAF.geojson.gz'), gzipSync(geojson));
  return dir;
}

describe('gateway web routes', () => {
  it('development: the explorer page references only the gateway’s own assets, and a demo token comes in a POST body', async () => {
    const base = await serve({ production: false, devTokens: issuer, dashboardDir: dashboardDir() });
    const page = await (await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('/explorer-static/ruru.js');
    expect(page).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\.[a-z]{2,}\/[^"' ]*\.(js|css)/i);
    expect((await fetch(`${base}/explorer-static/ruru.js`)).status).toBe(200);
    const minted = await fetch(`${base}/dashboard/dev-token`, { method: 'POST', body: JSON.stringify({ audience: 'ngo-partner' }) });
    expect(minted.headers.get('cache-control')).toBe('no-store');
    expect(await minted.json()).toEqual({ audience: 'ngo-partner', token: 'token-for-ngo-partner' });
    const config = await (await fetch(`${base}/dashboard/config.json`)).json();
    expect(config).toEqual({ mode: 'development', graphqlPath: '/graphql', audiences: issuer.audiences });
    expect(await (await fetch(`${base}/dashboard/`)).text()).toContain('<title>dash</title>');
    // Precompressed assets go out gzipped to a browser that accepts it.
    const boundaries = await fetch(`${base}/dashboard/boundaries/CAF.geojson`, { headers: { 'accept-encoding': 'gzip' } });
    expect(boundaries.headers.get('content-encoding')).toBe('gzip');
    expect(boundaries.headers.get('content-type')).toMatch(/geo\+json/);
    expect(await boundaries.json()).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('development: an unknown audience, a GET or a body that is not JSON gets a clear error and no token', async () => {
    const base = await serve({ production: false, devTokens: issuer });
    const unknown = await fetch(`${base}/dashboard/dev-token`, { method: 'POST', body: JSON.stringify({ audience: 'mission-ops' }) });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Unknown audience. Choose one of: ngo-partner.');
    expect((await fetch(`${base}/dashboard/dev-token?audience=ngo-partner`)).status).toBe(405);
    const notJson = await fetch(`${base}/dashboard/dev-token`, { method: 'POST', body: 'audience=ngo-partner' });
    expect(notJson.status).toBe(400);
    expect(await notJson.text()).not.toContain('token-for');
  });

  it('production: no explorer, no demo tokens (even if an issuer is passed), the dashboard asks for a token', async () => {
    const base = await serve({ production: true, devTokens: issuer, dashboardDir: dashboardDir() });
    expect((await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(418);
    expect((await fetch(`${base}/explorer-static/ruru.js`)).status).toBe(418);
    expect((await fetch(`${base}/dashboard/dev-token`, { method: 'POST', body: JSON.stringify({ audience: 'ngo-partner' }) })).status).toBe(404);
    expect(await (await fetch(`${base}/dashboard/config.json`)).json()).toEqual({ mode: 'production', graphqlPath: '/graphql', audiences: [] });
    expect((await fetch(`${base}/dashboard/`)).status).toBe(200);
  });
});
