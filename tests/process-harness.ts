// Helpers for the hardening tests (issue 8): a second, hardened gateway in front of a running
// test stack's subgraphs, a fault-injecting proxy for one subgraph, and child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, startGateway, type GatewayOptions, type RunningGateway } from '@peacegraph/gateway';
import { repoRoot } from '@peacegraph/kit';
import { SUPERGRAPH_PATH } from '../scripts/compose';
import { TEST_JWT_SECRET, type TestStack } from './harness';

export type HardenedGatewayOptions = Partial<Omit<GatewayOptions, 'signingSecret' | 'jwt'>>;

/** A gateway with the given hardening options, in front of `t`'s subgraphs (overridable per name). */
export async function startHardenedGateway(t: TestStack, options: HardenedGatewayOptions = {}): Promise<RunningGateway> {
  return startGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    port: 0,
    host: '127.0.0.1',
    signingSecret: t.signingSecret,
    jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
    ...options,
    subgraphUrls: { ...Object.fromEntries(t.stack.subgraphs.map((s) => [s.name, s.url])), ...options.subgraphUrls },
  });
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, any> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: HttpAnswer['json'] = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the test looks at text
  }
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * A fault injector in front of one subgraph: forwards requests unchanged, or delays them, or
 * (dead) resets every connection, as a crashed process would.
 */
export interface FaultProxy {
  url: string;
  delayMs: number;
  dead: boolean;
  close(): Promise<void>;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const state = { delayMs: 0, dead: false };
  const server: Server = createServer((req, res) => {
    if (state.dead) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        if (state.dead || res.destroyed) return req.socket.destroy();
        const upstream = httpRequest(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
          (answer: IncomingMessage) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => req.socket.destroy());
        upstream.end(Buffer.concat(chunks));
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    get dead() {
      return state.dead;
    },
    set dead(v: boolean) {
      state.dead = v;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ChildService {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string | null>;
  /** Waits until the output matches, or fails after `timeoutMs` with the output so far. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/**
 * Runs `scripts/services/<script>.ts` (or any script) as its own Node process. The runner's
 * DATABASE_URL and REDIS_URL are not inherited: a child uses only the databases its test gives it
 * (a gateway given none has no subscriptions, as a subgraph given none refuses to start).
 */
export function spawnScript(script: string, env: Record<string, string | undefined>): ChildService {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, VITEST: undefined, DATABASE_URL: undefined, REDIS_URL: undefined, LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${out.slice(-3000)}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited before ${pattern}; output:\n${out.slice(-3000)}`));
          }
        });
        check();
      });
    },
  };
}

/**
 * A PostgreSQL cluster of its own (initdb + pg_ctl under a temp dir, on a free port), so a test
 * can stop and restart the server without touching the shared one on 5432. Null when the
 * PostgreSQL binaries are not installed.
 */
export interface ThrowawayPostgres {
  url: string;
  stop(): void;
  start(): void;
  /** kill -9 of the server (postmaster and backends), as a crash or an OOM kill would. */
  kill(): void;
  destroy(): void;
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | null> {
  const { execFileSync } = await import('node:child_process');
  const { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } = await import('node:fs');
  const { tmpdir, userInfo } = await import('node:os');
  const path = await import('node:path');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) return null;
  const bin = path.join(root, version, 'bin');
  const dir = mkdtempSync(path.join(tmpdir(), 'peacegraph-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root: run its tools as the postgres user then.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => void run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const stop = () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    start,
    kill() {
      const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      // The backends too: a postmaster killed alone leaves them holding shared memory a while.
      let backends: number[] = [];
      try {
        backends = execFileSync('pgrep', ['-P', String(pid)]).toString().split('\n').filter(Boolean).map(Number);
      } catch {
        // pgrep exits 1 when there are none
      }
      for (const p of [pid, ...backends]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    destroy() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  const { createServer: createNetServer } = await import('node:net');
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
