// What the gateway serves to a browser besides /graphql: the built dashboard under /dashboard/
// (same origin as the graph, so no CORS), and in development only an offline explorer (Ruru, a
// GraphiQL, from the installed package's own assets: nothing is fetched from a CDN) and demo
// tokens minted server-side for the dashboard's audience switcher. Production serves neither
// the explorer nor tokens: the dashboard there asks for a token.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpError, readBody, repoRoot, sendJson } from '@peacegraph/kit';
import { ruruHTML, type RuruClientConfig } from 'ruru/server';
import { serveStatic as ruruStatic } from 'ruru/static';
import sirv from 'sirv';

/** Mints development tokens for the seeded demo audiences (scripts/token.ts). */
export interface DevTokenIssuer {
  audiences: { audience: string; description: string }[];
  mint(audience: string): Promise<string>;
}

export interface WebOptions {
  production: boolean;
  /** The built dashboard (default dashboard/dist); not served when absent. */
  dashboardDir?: string;
  devTokens?: DevTokenIssuer;
}

export const DASHBOARD_PATH = '/dashboard/';
const EXPLORER_STATIC_PATH = '/explorer-static/';

/** Returns a handler that answers the request and resolves true, or resolves false (not ours). */
export function webRoutes(options: WebOptions): (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean> {
  const dir = options.dashboardDir ?? path.join(repoRoot, 'dashboard/dist');
  const dashboard = existsSync(dir) ? sirv(dir, { single: true, dev: false, gzip: true, etag: true }) : null;
  const devTokens = options.production ? undefined : options.devTokens;
  const explorerAssets = options.production ? null : ruruStatic(EXPLORER_STATIC_PATH);
  const explorerPage = options.production
    ? null
    : ruruHTML({
        endpoint: '/graphql',
        staticPath: EXPLORER_STATIC_PATH,
        clientConfig: {
          isHeadersEditorEnabled: true,
          // No token: the public audience. Add {"authorization": "Bearer …"} (npx --yes pnpm@10 -s token mission-ops).
          initialHeaders: '{}',
          initialQuery: '{\n  mission(acronym: "MINUSCA") {\n    name\n    status\n    hostCountries { name }\n  }\n}\n',
        } as RuruClientConfig,
      });

  return async (req, res, urlPath) => {
    if (urlPath === '/dashboard') {
      res.writeHead(308, { location: DASHBOARD_PATH }).end();
      return true;
    }
    if (urlPath === `${DASHBOARD_PATH}config.json`) {
      sendJson(res, 200, { mode: options.production ? 'production' : 'development', graphqlPath: '/graphql', audiences: devTokens?.audiences ?? [] });
      return true;
    }
    if (urlPath === `${DASHBOARD_PATH}dev-token`) {
      if (!devTokens) throw new HttpError(404, 'Demo tokens are served in development only.', 'NOT_FOUND');
      if (req.method !== 'POST') throw new HttpError(405, 'POST {"audience": "…"} to get a demo token.', 'METHOD_NOT_ALLOWED', { allow: 'POST' });
      // A token only in a response body (never in a URL, so never in a log or a history).
      const body = parseJson(await readBody(req, 1_000));
      const known = devTokens.audiences.find((a) => a.audience === body.audience);
      if (!known) throw new HttpError(400, `Unknown audience. Choose one of: ${devTokens.audiences.map((a) => a.audience).join(', ')}.`, 'BAD_USER_INPUT');
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, { audience: known.audience, token: await devTokens.mint(known.audience) });
      return true;
    }
    if (urlPath.startsWith(DASHBOARD_PATH) && dashboard) {
      req.url = req.url!.slice(DASHBOARD_PATH.length - 1);
      await serveWith(dashboard, req, res);
      return true;
    }
    if (explorerAssets && urlPath.startsWith(EXPLORER_STATIC_PATH)) {
      await serveWith(explorerAssets, req, res);
      return true;
    }
    // A browser opening /graphql (or /) in development gets the explorer; everything else is GraphQL.
    if (explorerPage && (urlPath === '/graphql' || urlPath === '/') && req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(explorerPage);
      return true;
    }
    return false;
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;

/** Runs a static-file middleware to the end of its answer; what it does not have is a 404. */
function serveWith(middleware: Middleware, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise<void>((done) => {
    res.once('finish', done);
    res.once('close', done);
    middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.');
    });
  });
}

function parseJson(text: string): { audience?: unknown } {
  try {
    return JSON.parse(text || '{}') as { audience?: unknown };
  } catch {
    throw new HttpError(400, 'The body must be JSON: {"audience": "…"}.', 'BAD_REQUEST');
  }
}
