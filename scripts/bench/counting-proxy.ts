// A pass-through proxy in front of a subgraph that counts the requests the gateway sends it:
// how many subgraph requests an operation costs (scripts/bench/count.ts, tests/bench).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A pass-through proxy that counts the requests it forwards (and shows each to `observe`). */
export async function countingProxy(
  target: string,
  observe?: (headers: IncomingHttpHeaders, body: string) => void,
): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer(async (req, res) => {
    count++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    observe?.(req.headers, Buffer.concat(chunks).toString('utf8'));
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)) as [string, string][]);
    const response = await fetch(target, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' }).end(body);
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/graphql`, count: () => count, close: () => new Promise((r) => server.close(() => r())) };
}
