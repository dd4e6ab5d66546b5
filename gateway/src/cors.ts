import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';
import { HttpError } from '@peacegraph/kit';
import { SSE_PATH } from './subscriptions/subscription-service';

/** The request headers a browser client of ours sends (GraphQL over HTTP, Apollo's CSRF header, graphql-sse). */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-graphql-event-stream-token', 'last-event-id'];
/** Response headers a cross-origin script may read (a support request quotes x-request-id; a 429 says when to retry). */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-cache', 'content-disposition'];
/** How long a browser may reuse a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The methods each browser-callable path serves (graphql-sse's single-connection mode reserves with PUT, stops with DELETE). */
function methodsFor(path: string): string[] | undefined {
  if (path === '/graphql') return ['GET', 'POST'];
  if (path === SSE_PATH) return ['GET', 'POST', 'PUT', 'DELETE'];
  if (path.startsWith('/export/')) return ['GET'];
  return undefined;
}

/**
 * CORS for browser callers on another origin, from an allow-list (CORS_ORIGINS; empty = same
 * origin only). An allowed origin gets its own origin back (never `*`) and no
 * Allow-Credentials: tokens travel in Authorization, not cookies. A disallowed origin gets no
 * CORS headers, and its preflight a 403 saying why. Returns true when it answered (a
 * preflight); the caller serves everything else as usual.
 */
export function corsHandler(allowedOrigins: readonly string[]): (req: IncomingMessage, res: ServerResponse, path: string) => boolean {
  const allowed = new Set(allowedOrigins);
  const byPath = new Map<string, ReturnType<typeof cors>>();
  const middlewareFor = (methods: string[]) => {
    const key = methods.join();
    let middleware = byPath.get(key);
    if (!middleware) {
      // Called only for an allowed origin, which it reflects (with Vary: Origin).
      middleware = cors({ origin: (origin, done) => done(null, origin), methods, allowedHeaders: CORS_ALLOWED_HEADERS, exposedHeaders: CORS_EXPOSED_HEADERS, maxAge: CORS_MAX_AGE_SECONDS });
      byPath.set(key, middleware);
    }
    return middleware;
  };

  return (req, res, path) => {
    const methods = methodsFor(path);
    if (!methods) return false;
    // Answers differ by Origin once some origins are allowed: shared caches must key on it.
    if (allowed.size) res.setHeader('vary', 'Origin');
    const origin = req.headers.origin;
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (origin === undefined || !allowed.has(origin)) {
      if (preflight) throw new HttpError(403, `Origin ${origin.slice(0, 100)} is not allowed to call this gateway from a browser (CORS_ORIGINS).`, 'ORIGIN_NOT_ALLOWED');
      return false;
    }
    let continued = false;
    // cors is synchronous here (the origin callback is): it either answers the preflight or calls next.
    middlewareFor(methods)(req, res, (error?: unknown) => {
      if (error) throw error;
      continued = true;
    });
    return !continued;
  };
}

/**
 * Whether a WebSocket upgrade may proceed (cross-site WebSocket hijacking): browsers send
 * Origin on every upgrade and apply no CORS to it, so a page on any origin could open
 * /graphql/ws with a token it holds. Allowed: no Origin (a non-browser client, as for CORS),
 * the gateway's own origin (its Host, as the dashboard it serves), or one on the allow-list.
 */
export function upgradeOriginCheck(allowedOrigins: readonly string[]): (req: IncomingMessage) => boolean {
  const allowed = new Set(allowedOrigins);
  return (req) => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.has(origin)) return true;
    return URL.canParse(origin) && new URL(origin).host === req.headers.host;
  };
}
