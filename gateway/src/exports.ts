import type { IncomingMessage, ServerResponse } from 'node:http';
import { DATABASE_UNAVAILABLE_MESSAGE, HttpError, signedRouteMaterial, signIdentity, type Identity } from '@peacegraph/kit';

/**
 * `/export/<subgraph>/<file>?…` → the subgraph's signed route `/export/<file>?…` for the
 * verified caller (e.g. the humanitarian HXL CSVs). The subgraph scopes the rows with the
 * same Access as the graph; the gateway only authenticates, signs and relays.
 */
export async function relayExport(
  req: IncomingMessage,
  res: ServerResponse,
  identity: Identity,
  subgraphUrls: Record<string, string>,
  signingSecret: string,
  timeoutMs: number,
): Promise<void> {
  if (req.method !== 'GET') throw new HttpError(405, 'Exports are served over GET.', 'METHOD_NOT_ALLOWED', { allow: 'GET' });
  const url = new URL(req.url ?? '/', 'http://gateway');
  const match = /^\/export\/([a-z]+)(\/[A-Za-z0-9._-]+)$/.exec(url.pathname);
  const base = match ? subgraphUrls[match[1]!] : undefined;
  if (!match || !base) throw new HttpError(404, 'No such export. Try /export/humanitarian/3w.csv or /export/humanitarian/displacement.csv.', 'NOT_FOUND');
  const target = `/export${match[2]}${url.search}`;
  const response = await fetch(base.replace(/\/graphql$/, target), {
    headers: signIdentity(signingSecret, identity, signedRouteMaterial(target), { subgraph: match[1]! }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.text();
  if (response.status === 503 && response.headers.get('retry-after')) {
    throw new HttpError(503, DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE', { 'retry-after': response.headers.get('retry-after')! });
  }
  if (response.status >= 500) throw new HttpError(502, 'The export could not be produced; try again.', 'SUBGRAPH_UNAVAILABLE');
  const headers: Record<string, string> = { 'content-type': response.headers.get('content-type') ?? 'application/json' };
  const disposition = response.headers.get('content-disposition');
  if (disposition) headers['content-disposition'] = disposition;
  res.writeHead(response.status, headers);
  res.end(body);
}
