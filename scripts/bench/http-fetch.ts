// Experiment (BENCH_SUBGRAPH_FETCH=http in gateway-process.ts): subgraph calls over node:http
// with a keep-alive agent instead of the global (undici) fetch, whose WHATWG streams and
// WebIDL conversions show up at the top of the gateway's CPU profile. It answers with a real
// Response, so the gateway code using it is unchanged; other URLs go to the original fetch.
import { Agent, request } from 'node:http';

export function installHttpFetch(prefixes: string[]): void {
  const original = globalThis.fetch;
  const agent = new Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' });
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!prefixes.some((p) => url.startsWith(p)) || (init?.body !== undefined && typeof init.body !== 'string')) return original(input, init);
    const target = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    const body = (init?.body as string | undefined) ?? undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: init?.method ?? 'GET', headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: responseHeaders }));
          });
          res.on('error', reject);
        },
      );
      const signal = init?.signal;
      if (signal) {
        if (signal.aborted) return req.destroy(signal.reason as Error);
        signal.addEventListener('abort', () => req.destroy(signal.reason as Error), { once: true });
      }
      req.on('error', reject);
      req.end(body);
    });
  }) as typeof fetch;
}
