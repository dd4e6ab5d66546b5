// `pnpm bench [--quick] [--only Q1,Q3] [--no-hive] [--no-cold-start] [--redis] [--fresh] [--no-shared-reads] [--sweep]`: the side-by-side benchmark
// of issue 9 on PostgreSQL. Creates (once) and seeds a `peacegraph_bench` database next to
// DATABASE_URL's, starts the four subgraphs, our gateway (uncached and cached), Hive Gateway and
// the hand-written baseline as separate processes, drives them with autocannon from several
// distinct tokens, and writes the results between the markers in docs/benchmarks.md (plus the
// raw numbers in docs/benchmarks.json; --no-shared-reads: its own section and benchmarks-unshared.json).
// A full run takes ~6 minutes; --quick under 2. --sweep: only our gateway and the subgraphs,
// Q3 and the mix at 10, 50 and 200 connections (its own section and benchmarks-sweep.json).
// BENCH_KEEP_PROFILE=file keeps the gateway's .cpuprofile (open it in Chrome DevTools).
// BENCH_SUBGRAPH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the subgraph processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, release } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { migrateAll, openDatabase, repoRoot, signIdentity, type Identity } from '@peacegraph/kit';
import { SUBGRAPH_MANIFESTS } from '../../subgraphs/manifests';
import { DEMO_IDENTITIES } from '@peacegraph/reference';
import { seedAll } from '../seed/seed-all';
import { MAX_SEED_SCALE } from '@peacegraph/incidents';
import { compose } from '../compose';
import { randomSecret, tokenFor } from './client';
import { OPERATIONS, operationOf, type QueryId } from './operations';
import { closeCounting, countOperation, type OperationCounts } from './count';
import { summarizeProfile } from './profile';
import { buildAll, GATEWAY_NODE_FLAGS } from '../build';
import { measureColdStart, type ColdStartResult } from './cold-start';
import { cpuMs, peakRssMb, postgresPidsServing, rssMb } from './proc-stats';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = (args.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['Q1', 'Q2', 'Q3', 'Q4', 'Q5']) as QueryId[];
const HIVE = !args.includes('--no-hive');
/** Cold start of `pnpm start` on a fresh embedded database (cold-start.ts): 3 runs, 1 with --quick. */
/** --sweep (issue 19): our gateway under Q3 and the mix at rising concurrency, nothing else. */
const SWEEP = args.includes('--sweep');
/** --seed-only: create, migrate, seed (if empty) and analyze the bench database, then stop. */
const SEED_ONLY = args.includes('--seed-only');
const SWEEP_CONNECTIONS = [10, 50, 200];
/** The gateway's memory target (docs/benchmarks.md, "Memory"): the sweep checks it holds at 200 connections. */
const GATEWAY_RSS_CAP_MB = 250;
const COLD_START_RUNS = args.includes('--no-cold-start') || SWEEP ? 0 : QUICK ? 1 : 3;
/**
 * --no-shared-reads: subgraphs with SHARED_READS=off (every read executes, even when an identical
 * one of the same scope is in flight). Its report goes to its own section and JSON file.
 */
const SHARED_READS = !args.includes('--no-shared-reads');
/**
 * --scale=N: a benchmark database with N× the generated data of every domain — incidents and
 * their records, 3W rows, access constraints, displacement rounds, generated funding flows (its
 * own database, peacegraph_bench_xN, seeded once and reused), reported in its own section and JSON.
 */
const SCALE = parseScale(args.find((a) => a.startsWith('--scale='))?.slice(8));
const SCALE_SUFFIX = SCALE === 1 ? '' : `-x${SCALE}`;
const REPORT_JSON = `${SWEEP ? 'docs/benchmarks-sweep' : SHARED_READS ? 'docs/benchmarks' : 'docs/benchmarks-unshared'}${SCALE_SUFFIX}.json`;
const REDIS = args.includes('--redis') ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;
const THROUGHPUT_SECONDS = QUICK ? 2 : 7;
const LATENCY_SECONDS = QUICK ? 2 : 5;
const CONNECTIONS = 10;
const SUBJECTS_PER_AUDIENCE = 4;
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DATABASE: another name, so engineers sharing one PostgreSQL do not drop each other's bench database.
const BENCH_DB = process.env.BENCH_DATABASE ?? (SCALE === 1 ? 'peacegraph_bench' : `peacegraph_bench_x${SCALE}`);
const BENCH_URL = ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${BENCH_DB}$1`);
const JWT_SECRET = randomSecret();
const SIGNING_SECRET = randomSecret();
const WORK = path.join(tmpdir(), `peacegraph-bench-${process.pid}`);
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4700);
const SUBGRAPH_NAMES = SUBGRAPH_MANIFESTS.map((m) => m.name);
const SUBGRAPH_PORTS: Record<string, number> = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, PORT_BASE + 1 + i]));
const PORTS = { ...SUBGRAPH_PORTS, ours: PORT_BASE + 10, cached: PORT_BASE + 11, hive: PORT_BASE + 12, baseline: PORT_BASE + 13, profiled: PORT_BASE + 14, 'hive-rust': PORT_BASE + 15 };

/** hive: Hive Gateway with its JavaScript query planner; hive-rust: with its Rust one (HIVE_PLANNER=rust). */
type Variant = 'ours' | 'cached' | 'subgraph' | 'baseline' | 'hive' | 'hive-rust';
const HIVES: Variant[] = ['hive', 'hive-rust'];
const log = (...parts: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

// ---------------------------------------------------------------- processes

interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  output: string[];
}
const procs: Proc[] = [];

/**
 * Every process runs from the JavaScript `pnpm build` makes (dist/…), as services run in
 * production: `node dist/scripts/…/x.js`, no tsx loader in the measured process.
 * BENCH_RUNNER=tsx runs the TypeScript through tsx instead (for comparison only).
 */
const RUN_TSX = process.env.BENCH_RUNNER === 'tsx';
/**
 * NODE_ENV of every measured process: production, as deployed (docs/operations.md). graphql-js
 * checks every type test twice outside production (its development `instanceOf`), which made
 * graphql execution ≈ 1.8× as expensive in the gateway, the subgraphs and Hive alike.
 * BENCH_NODE_ENV=development measures the old way, for comparison.
 */
const NODE_ENV = process.env.BENCH_NODE_ENV ?? 'production';
function startProc(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Proc {
  const entry = RUN_TSX ? ['--import', 'tsx', path.join(repoRoot, script)] : [path.join(repoRoot, 'dist', script.replace(/\.ts$/, '.js'))];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { name, child, pid: child.pid!, output: [] };
  const keep = (chunk: Buffer) => {
    proc.output.push(chunk.toString());
    if (proc.output.length > 200) proc.output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  procs.push(proc);
  return proc;
}

async function waitForPort(proc: Proc, port: number, probePath = '/healthz', timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}):\n${proc.output.join('').slice(-2000)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${probePath}`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${proc.name} did not listen on ${port} within ${timeoutMs} ms:\n${proc.output.join('').slice(-2000)}`);
}

async function stopProc(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null) return;
  const exited = new Promise((r) => proc.child.once('exit', r));
  proc.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
}

// ---------------------------------------------------------------- database

function parseScale(value: string | undefined): number {
  if (value === undefined) return 1;
  const scale = Number(value);
  if (!/^\d+$/.test(value) || scale < 1 || scale > MAX_SEED_SCALE) {
    console.error(`--scale must be a whole number from 1 to ${MAX_SEED_SCALE} (e.g. --scale=10 or --scale=100), got "${value}"`);
    process.exit(2);
  }
  return scale;
}

/** Seconds the seed took in this run (undefined: the database was already seeded). */
let seedSeconds: number | undefined;

async function prepareDatabase(): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const fresh = args.includes('--fresh');
    if (fresh) await admin.unsafe(`drop database if exists ${BENCH_DB} with (force)`);
    const [exists] = await admin`select 1 from pg_database where datname = ${BENCH_DB}`;
    if (!exists) await admin.unsafe(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({ url: BENCH_URL });
  try {
    await migrateAll(database);
    const probe = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
    const [{ n }] = (await probe`select count(*)::int as n from incidents.incidents`) as unknown as [{ n: number }];
    if (n === 0) {
      log('seeding', BENCH_DB, `at ×${SCALE} (once; --fresh to redo)`);
      const seedStarted = Date.now();
      const summary = await seedAll(database, undefined, { scale: SCALE });
      seedSeconds = Math.round((Date.now() - seedStarted) / 100) / 10;
      for (const line of summary.lines) log('  ', line);
      log('seeded in', seedSeconds, 's');
    }
    await probe.end();
    await removeBenchWrites();
  } finally {
    await database.close();
  }
}

async function countIncidents(): Promise<number> {
  const probe = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = (await probe`select count(*)::int as n from incidents.incidents`) as unknown as [{ n: number }];
    return n;
  } finally {
    await probe.end();
  }
}

/**
 * Q5's reports (thousands per run) would make every later cell read a bigger table — and their
 * dead rows, once deleted, a slower one: without a vacuum, repeated runs left 60 dead incident
 * rows per live one and doubled PostgreSQL's CPU on Q3 for every variant. Remove and vacuum
 * (and analyze, every start: plans never rest on statistics from before the seed or a run).
 */
async function removeBenchWrites(): Promise<void> {
  const sql = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from incidents.incidents where client_key like 'bench-%' or provenance = 'baseline'`;
    await sql.unsafe('vacuum analyze');
    // Write out what the seed (or an earlier run) left dirty before anything is measured: a
    // fresh ×100 seed leaves hundreds of MB for the checkpointer, which otherwise flushes them
    // during the first cells. Needs superuser or pg_checkpoint; without, the bench goes on.
    await sql.unsafe('checkpoint').catch((e: Error) => log('no checkpoint before measuring:', e.message));
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------- requests

interface Caller {
  audience: string;
  identity: Identity;
  token: string | undefined;
}

async function callers(audiences: string[]): Promise<Caller[]> {
  const list: Caller[] = [];
  for (const audience of audiences) {
    const demo = DEMO_IDENTITIES.find((d) => d.audience === audience)!;
    const subjects = audience === 'public' ? 1 : SUBJECTS_PER_AUDIENCE;
    for (let i = 0; i < subjects; i++) {
      const subject = audience === 'public' ? demo.subject : `${i}.${demo.subject}`;
      list.push({
        audience,
        identity: { subject, organizationId: demo.organizationId, organizationType: demo.organizationType, roles: demo.roles },
        token: await tokenFor(audience, JWT_SECRET, subject),
      });
    }
  }
  return list;
}

let writeCounter = 0;

/** One autocannon request for one caller of one operation on one variant. */
function requestFor(variant: Variant, id: QueryId, caller: Caller, pageSize?: number): autocannon.Request {
  const op = OPERATIONS[id];
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) };
  const graphqlBody = (variables: Record<string, unknown>) =>
    // Dashboards send persisted operations by id; the subgraph needs the document itself.
    variant === 'subgraph' ? JSON.stringify({ query: operationOf(id).body, variables }) : variant === 'baseline' ? JSON.stringify(variables) : JSON.stringify({ query: operationOf(id).body, variables });
  const path = variant === 'baseline' ? `/${id.toLowerCase()}` : '/graphql';
  const subgraph = OPERATIONS[id].singleSubgraph ?? '';
  const sign = (body: string) => (variant === 'subgraph' ? { ...headers, ...signIdentity(SIGNING_SECRET, caller.identity, body, { subgraph }) } : headers);
  if (id === 'Q5') {
    // Every write is a new report (a new client key), signed afresh where the subgraph is called directly.
    return {
      method: 'POST',
      path,
      headers,
      setupRequest: (req) => {
        const body = graphqlBody(op.variables({ n: ++writeCounter }));
        return { ...req, body, headers: sign(body) };
      },
    } as autocannon.Request;
  }
  const body = graphqlBody(op.variables({ pageSize }));
  // A subgraph accepts each signature once (its nonce): sign every request called directly.
  if (variant === 'subgraph') return { method: 'POST', path, headers, body, setupRequest: (req) => ({ ...req, headers: sign(body) }) } as autocannon.Request;
  return { method: 'POST', path, headers, body };
}

function urlOf(variant: Variant, id: QueryId): string {
  if (variant === 'subgraph') return `http://127.0.0.1:${PORTS[OPERATIONS[id].singleSubgraph as keyof typeof PORTS]}`;
  return `http://127.0.0.1:${PORTS[variant]}`;
}

// ---------------------------------------------------------------- measuring

interface Measurement {
  query: string;
  variant: Variant;
  throughput: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuMsPerRequest: Record<string, number>;
  /** Subgraph reads that ran, and reads that joined an identical one of the same scope in flight. */
  sharedReads?: { executed: number; joined: number };
  latency?: { rate: number; p50: number; p95: number; p99: number; requests: number };
  /** Latency of the throughput run itself (every connection busy): sweeps only. */
  underLoad?: { connections: number; p50: number; p95: number; p99: number };
}

function processesFor(variant: Variant): Proc[] {
  const names = variant === 'baseline' ? ['baseline'] : variant === 'subgraph' ? SUBGRAPH_NAMES : [variant === 'ours' ? 'ours' : variant, ...SUBGRAPH_NAMES];
  return procs.filter((p) => (names as readonly string[]).includes(p.name));
}

async function cannon(url: string, requests: autocannon.Request[], options: Partial<autocannon.Options>) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, requests, connections: CONNECTIONS, pipelining: 1, ...options } as autocannon.Options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  return { result, latencies };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The subgraphs' shared-read counters (GET /healthz), summed. */
async function sharedReadCounters(): Promise<{ executed: number; joined: number }> {
  const total = { executed: 0, joined: 0 };
  for (const name of SUBGRAPH_NAMES) {
    const health = (await (await fetch(`http://127.0.0.1:${SUBGRAPH_PORTS[name]}/healthz`)).json()) as { sharedReads?: { executed: number; joined: number } };
    total.executed += health.sharedReads?.executed ?? 0;
    total.joined += health.sharedReads?.joined ?? 0;
  }
  return total;
}

async function measure(label: string, variant: Variant, ids: QueryId[], callersById: Record<string, Caller[]>, rate?: number, connections?: number): Promise<Measurement> {
  const build = () => {
    const list: autocannon.Request[] = [];
    // Round-robin across operations and callers, so a mix is interleaved request by request.
    const longest = Math.max(...ids.map((id) => callersById[id]!.length));
    for (let i = 0; i < longest; i++) for (const id of ids) list.push(requestFor(variant, id, callersById[id]![i % callersById[id]!.length]!));
    return list;
  };
  const url = urlOf(variant, ids[0]!);
  const own = processesFor(variant);
  const ownBefore = own.map((p) => cpuMs(p.pid));
  // PostgreSQL backends come and go with the pools: count those alive at either end of the window.
  const pgBefore = new Map(postgresPidsServing(BENCH_DB).map((pid) => [pid, cpuMs(pid)]));
  const sharedBefore = variant === 'baseline' ? null : await sharedReadCounters();
  const { result, latencies: loaded } = await cannon(url, build(), { duration: THROUGHPUT_SECONDS, ...(connections ? { connections } : {}) });
  const ownAfter = own.map((p) => cpuMs(p.pid));
  const sharedAfter = sharedBefore ? await sharedReadCounters() : null;
  let pgMs = 0;
  for (const pid of new Set([...pgBefore.keys(), ...postgresPidsServing(BENCH_DB)])) {
    const after = cpuMs(pid);
    if (after > 0) pgMs += after - (pgBefore.get(pid) ?? 0);
  }
  const done = Math.max(1, result.requests.total);
  const cpuMsPerRequest: Record<string, number> = {};
  own.forEach((p, i) => {
    const ms = (ownAfter[i]! - ownBefore[i]!) / done;
    if (SUBGRAPH_NAMES.includes(p.name as never)) cpuMsPerRequest.subgraphs = (cpuMsPerRequest.subgraphs ?? 0) + ms;
    cpuMsPerRequest[SUBGRAPH_NAMES.includes(p.name as never) ? `subgraph:${p.name}` : p.name] = ms;
  });
  cpuMsPerRequest.postgres = pgMs / done;
  cpuMsPerRequest.total = Object.entries(cpuMsPerRequest).filter(([k]) => !k.startsWith('subgraph:')).reduce((a, [, b]) => a + b, 0);
  const m: Measurement = {
    query: label,
    variant,
    throughput: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest,
    ...(sharedBefore && sharedAfter ? { sharedReads: { executed: sharedAfter.executed - sharedBefore.executed, joined: sharedAfter.joined - sharedBefore.joined } } : {}),
  };
  if (connections) {
    loaded.sort((a, b) => a - b);
    m.underLoad = { connections, p50: percentile(loaded, 50), p95: percentile(loaded, 95), p99: percentile(loaded, 99) };
  }
  if (rate) {
    const { result: fixed, latencies } = await cannon(url, build(), { duration: LATENCY_SECONDS, overallRate: rate });
    latencies.sort((a, b) => a - b);
    m.latency = { rate, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), requests: fixed.requests.total };
  }
  log(`${label.padEnd(4)} ${variant.padEnd(8)} ${connections ? `×${connections} ` : ''}${m.throughput.toFixed(1).padStart(7)} req/s  cpu ${cpuMsPerRequest.total!.toFixed(1)} ms/req${m.underLoad ? `  p95 ${m.underLoad.p95.toFixed(0)} ms` : ''}${m.latency ? `  @${rate}/s p50 ${m.latency.p50} p95 ${m.latency.p95} p99 ${m.latency.p99} ms` : ''}${m.errors || m.non2xx ? `  errors ${m.errors} non2xx ${m.non2xx}` : ''}`);
  return m;
}

/** One request of each kind must answer without errors before it is worth timing. */
async function verify(variant: Variant, id: QueryId, caller: Caller): Promise<void> {
  const req = requestFor(variant, id, caller);
  const prepared = (req as { setupRequest?: (r: autocannon.Request, c: object) => autocannon.Request }).setupRequest?.(req, {}) ?? req;
  const res = await fetch(urlOf(variant, id) + prepared.path, { method: 'POST', headers: prepared.headers as Record<string, string>, body: prepared.body as string });
  const text = await res.text();
  const body = JSON.parse(text) as { errors?: unknown[]; data?: unknown };
  if (res.status !== 200 || body.errors?.length || !body.data) throw new Error(`${variant} ${id} as ${caller.audience}: ${res.status} ${text.slice(0, 400)}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  if (SEED_ONLY) {
    log('database', BENCH_URL.replace(/\/\/[^@]*@/, '//…@'));
    return prepareDatabase();
  }
  const started = Date.now();
  mkdirSync(WORK, { recursive: true });
  // First, while nothing else of the bench runs: the one-command start on a fresh PGlite directory.
  let coldStart: ColdStartResult | undefined;
  if (COLD_START_RUNS) {
    log(`cold start: ${COLD_START_RUNS} × pnpm start on a fresh embedded database`);
    coldStart = await measureColdStart(COLD_START_RUNS, PORT_BASE + 50);
    log(`cold start: first answer after ${coldStart.runs.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')}`);
  }
  if (!RUN_TSX) log(`built dist/ in ${(await buildAll()).toFixed(0)} ms`);
  log('database', BENCH_URL.replace(/\/\/[^@]*@/, '//…@'));
  await prepareDatabase();
  const { supergraphSdl } = await compose();
  const supergraphPath = path.join(WORK, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  const committed = readFileSync(path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8');
  const supergraphNote = committed === supergraphSdl ? 'the committed schema/supergraph.graphql' : 'composed from the code at run time (the committed schema/supergraph.graphql was stale)';

  const subgraphEnv = { DATABASE_URL: BENCH_URL, GATEWAY_SIGNING_SECRET: SIGNING_SECRET, DATABASE_POOL_SIZE: '10', SHARED_READS: SHARED_READS ? 'on' : 'off' };
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_URL`, `http://127.0.0.1:${SUBGRAPH_PORTS[n]}/graphql`]));
  const gatewayEnv = { ...urls, SUPERGRAPH_PATH: supergraphPath, GATEWAY_SIGNING_SECRET: SIGNING_SECRET, JWT_SECRET, DATABASE_URL: BENCH_URL };
  log('starting processes');
  const subgraphNodeArgs = process.env.BENCH_SUBGRAPH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const subgraphs = SUBGRAPH_NAMES.map((n) => startProc(n, 'scripts/services/subgraph.ts', { ...subgraphEnv, SUBGRAPH: n, [`${n.toUpperCase()}_PORT`]: String(SUBGRAPH_PORTS[n]) }, subgraphNodeArgs));
  // Our gateway runs with the Node flags it has in production (GATEWAY_NODE_FLAGS, scripts/build.ts);
  // BENCH_GATEWAY_NODE_ARGS replaces them (e.g. "" for V8's defaults, or other heap sizes to compare).
  const gatewayNodeArgs = process.env.BENCH_GATEWAY_NODE_ARGS !== undefined ? process.env.BENCH_GATEWAY_NODE_ARGS.split(' ').filter(Boolean) : GATEWAY_NODE_FLAGS;
  const ours = startProc('ours', 'scripts/bench/gateway-process.ts', { ...gatewayEnv, GATEWAY_PORT: String(PORTS.ours) }, gatewayNodeArgs);
  // The sweep drives our gateway alone: no other gateway competes for the two cores.
  const cached = SWEEP ? null : startProc('cached', 'scripts/bench/gateway-process.ts', {
    ...gatewayEnv,
    GATEWAY_PORT: String(PORTS.cached),
    RESPONSE_CACHE: 'on',
    RESPONSE_CACHE_TTL_SECONDS: '30',
    ...(REDIS ? { REDIS_URL: REDIS } : { REDIS_URL: '' }),
  }, gatewayNodeArgs);
  const hives = HIVE && !SWEEP ? HIVES.map((v) => startProc(v, 'scripts/bench/hive-process.ts', { ...gatewayEnv, HIVE_PORT: String(PORTS[v as 'hive']), HIVE_PLANNER: v === 'hive-rust' ? 'rust' : 'js' })) : [];
  const hive = hives.length > 0;
  const baseline = SWEEP ? null : startProc('baseline', 'scripts/bench/baseline.ts', { DATABASE_URL: BENCH_URL, JWT_SECRET, BASELINE_PORT: String(PORTS.baseline) });
  await Promise.all([
    ...subgraphs.map((p) => waitForPort(p, SUBGRAPH_PORTS[p.name]!)),
    waitForPort(ours, PORTS.ours),
    ...(cached ? [waitForPort(cached, PORTS.cached)] : []),
    ...hives.map((p) => waitForPort(p, PORTS[p.name as 'hive'], '/healthcheck')),
    ...(baseline ? [waitForPort(baseline, PORTS.baseline, '/')] : []),
  ]);
  log('all processes up after', ((Date.now() - started) / 1000).toFixed(0), 's');

  const callersById: Record<string, Caller[]> = {};
  for (const id of ONLY) callersById[id] = await callers(OPERATIONS[id].audiences);
  const variantsOf = (id: QueryId): Variant[] => SWEEP ? ['ours'] : [
    'ours',
    ...(OPERATIONS[id].singleSubgraph ? (['subgraph'] as Variant[]) : []),
    'baseline',
    ...(hive ? HIVES : []),
    ...(id === 'Q4' ? (['cached'] as Variant[]) : []),
  ];
  for (const id of ONLY) for (const variant of variantsOf(id)) await verify(variant, id, callersById[id]![0]!);
  if (SWEEP) return sweep(callersById, started);

  // Statements and subgraph requests per operation, counted in-process on the same database.
  log('counting SQL statements and subgraph requests per operation');
  const counts: Record<string, OperationCounts> = {};
  for (const id of ONLY) counts[id] = await countOperation(BENCH_URL, supergraphSdl, id, callersById[id]![0]!.audience, hive);
  await closeCounting();

  const measurements: Measurement[] = [];
  // Warm-up: JIT, plan caches, pools.
  for (const id of ONLY) for (const variant of variantsOf(id)) await cannon(urlOf(variant, id), [requestFor(variant, id, callersById[id]![0]!)], { duration: 1 });
  for (const id of ONLY) {
    const alone: Measurement[] = [];
    for (const variant of variantsOf(id)) alone.push(await measure(id, variant, [id], callersById));
    // The fixed moderate rate: half of what the slowest variant sustained, so none is saturated.
    const rate = Math.max(5, Math.min(200, Math.floor(Math.min(...alone.map((m) => m.throughput)) / 2)));
    for (const m of alone) {
      const { result, latencies } = await cannon(urlOf(m.variant, id), [requestFor(m.variant, id, callersById[id]![0]!)].concat(callersById[id]!.slice(1).map((c) => requestFor(m.variant, id, c))), {
        duration: LATENCY_SECONDS,
        overallRate: rate,
      });
      latencies.sort((a, b) => a - b);
      m.latency = { rate, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), requests: result.requests.total };
      log(`${id.padEnd(4)} ${m.variant.padEnd(8)} @${rate}/s p50 ${m.latency.p50} p95 ${m.latency.p95} p99 ${m.latency.p99} ms`);
    }
    measurements.push(...alone);
  }
  // The mix: Q1–Q4 interleaved request by request, on the data the single cells saw.
  const mixIds = ONLY.filter((id) => id !== 'Q5');
  if (ONLY.includes('Q5')) await removeBenchWrites();
  if (mixIds.length > 1) {
    for (const variant of ['ours', 'baseline', ...(hive ? HIVES : []), 'cached'] as Variant[]) {
      measurements.push(await measure('mix', variant, mixIds, callersById));
    }
  }

  // A CPU profile of our gateway under Q3 (or the first query) load.
  log('profiling our gateway');
  const profileFile = path.join(WORK, 'gateway.cpuprofile');
  const profiled = startProc('profiled', 'scripts/bench/gateway-process.ts', { ...gatewayEnv, GATEWAY_PORT: String(PORTS.profiled), BENCH_CPU_PROFILE: profileFile }, gatewayNodeArgs);
  await waitForPort(profiled, PORTS.profiled);
  const profileQuery = ONLY.includes('Q3') ? 'Q3' : ONLY[0]!;
  const profileRequests = callersById[profileQuery]!.map((c) => requestFor('ours', profileQuery, c));
  await cannon(`http://127.0.0.1:${PORTS.profiled}`, profileRequests, { duration: 2 }); // warm-up
  profiled.child.kill('SIGUSR2');
  await new Promise((r) => setTimeout(r, 200));
  await cannon(`http://127.0.0.1:${PORTS.profiled}`, profileRequests, { duration: QUICK ? 3 : 8 });
  await stopProc(profiled);
  const profile = existsSync(profileFile) ? summarizeProfile(profileFile) : null;
  if (profile && process.env.BENCH_KEEP_PROFILE) copyFileSync(profileFile, process.env.BENCH_KEEP_PROFILE);

  const rss = Object.fromEntries(procs.filter((p) => p.name !== 'profiled').map((p) => [p.name, peakRssMb(p.pid)]));
  const facts = await machineFacts();
  for (const p of [...procs].reverse()) await stopProc(p);
  const incidentRows = await countIncidents();
  const report = { date: new Date().toISOString(), quick: QUICK, scale: SCALE, incidentRows, seedSeconds, facts, supergraph: supergraphNote, connections: CONNECTIONS, throughputSeconds: THROUGHPUT_SECONDS, latencySeconds: LATENCY_SECONDS, counts, measurements, rss, runner: RUN_TSX ? 'tsx' : 'node dist/', nodeEnv: NODE_ENV, gatewayNodeFlags: gatewayNodeArgs, coldStart, sharedReads: SHARED_READS, profile, durationSeconds: Math.round((Date.now() - started) / 1000) };
  writeFileSync(path.join(repoRoot, REPORT_JSON), `${JSON.stringify(report, null, 2)}\n`);
  writeReport(report);
  rmSync(WORK, { recursive: true, force: true });
  log('done in', report.durationSeconds, 's: docs/benchmarks.md,', REPORT_JSON);
}

interface SweepCell extends Measurement {
  connections: number;
  /** Resident memory of each process right after the cell (VmRSS), MB. */
  rssAfter: Record<string, number>;
}

type SweepReport = { date: string; quick: boolean; scale: number; facts: Awaited<ReturnType<typeof machineFacts>>; seconds: number; cells: SweepCell[]; peakRss: Record<string, number>; durationSeconds: number };

/** Q3 and the mix through our gateway at each concurrency, in rising order (so RSS growth shows). */
async function sweep(callersById: Record<string, Caller[]>, started: number): Promise<void> {
  const mixIds = ONLY.filter((id) => id !== 'Q5');
  const loads: [string, QueryId[]][] = [...(ONLY.includes('Q3') ? [['Q3', ['Q3']] as [string, QueryId[]]] : []), ...(mixIds.length > 1 ? [['mix', mixIds] as [string, QueryId[]]] : [])];
  for (const [, ids] of loads) await cannon(urlOf('ours', ids[0]!), ids.map((id) => requestFor('ours', id, callersById[id]![0]!)), { duration: 1 }); // warm-up
  const cells: SweepCell[] = [];
  for (const connections of SWEEP_CONNECTIONS) {
    for (const [label, ids] of loads) {
      const m = await measure(label, 'ours', ids, callersById, undefined, connections);
      cells.push({ ...m, connections, rssAfter: Object.fromEntries(procs.map((p) => [p.name, rssMb(p.pid)])) });
    }
  }
  const peakRss = Object.fromEntries(procs.map((p) => [p.name, peakRssMb(p.pid)]));
  const facts = await machineFacts();
  for (const p of [...procs].reverse()) await stopProc(p);
  const report: SweepReport = { date: new Date().toISOString(), quick: QUICK, scale: SCALE, facts, seconds: THROUGHPUT_SECONDS, cells, peakRss, durationSeconds: Math.round((Date.now() - started) / 1000) };
  writeFileSync(path.join(repoRoot, REPORT_JSON), `${JSON.stringify(report, null, 2)}\n`);
  writeSweepReport(report);
  rmSync(WORK, { recursive: true, force: true });
  log('done in', report.durationSeconds, 's: docs/benchmarks.md,', REPORT_JSON);
}

async function machineFacts() {
  const sql = postgres(BENCH_URL, { max: 1, onnotice: () => {} });
  const [{ version }] = (await sql`select version()`) as unknown as [{ version: string }];
  await sql.end();
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    /* not Linux */
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    postgres: version.split(',')[0],
    loadAverageAtEnd: load,
  };
}

// ---------------------------------------------------------------- report

type Report = {
  date: string;
  quick: boolean;
  /** Absent in reports from before --scale: ×1. */
  scale?: number;
  incidentRows?: number;
  seedSeconds?: number;
  facts: Awaited<ReturnType<typeof machineFacts>>;
  supergraph: string;
  connections: number;
  throughputSeconds: number;
  latencySeconds: number;
  counts: Record<string, OperationCounts>;
  measurements: Measurement[];
  rss: Record<string, number>;
  /** How the measured processes ran: `node dist/…` (built JS) or through tsx. Absent in older reports (tsx). */
  runner?: string;
  /** NODE_ENV of the measured processes (absent: development, before 2026-12-03). */
  nodeEnv?: string;
  /** The Node flags our gateway processes ran with. */
  gatewayNodeFlags?: string[];
  coldStart?: ColdStartResult;
  /** Whether the subgraphs shared identical in-flight reads of the same scope (absent in older reports: they did not). */
  sharedReads?: boolean;
  profile: ReturnType<typeof summarizeProfile> | null;
  durationSeconds: number;
};

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const joinedShare = (m: Measurement) => {
  const reads = m.sharedReads ? m.sharedReads.executed + m.sharedReads.joined : 0;
  return m.sharedReads && reads > 0 ? `${((m.sharedReads.joined / reads) * 100).toFixed(0)} %` : '–';
};
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '–');

function writeReport(r: Report): void {
  const find = (q: string, v: Variant) => r.measurements.find((m) => m.query === q && m.variant === v);
  // The targets hold against the stronger peer: the Hive variant with the higher throughput.
  const fasterHive = (q: string) => HIVES.map((v) => find(q, v)).filter((m) => m !== undefined).sort((x, y) => y.throughput - x.throughput)[0];
  const lines: string[] = [];
  lines.push(`Run: ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (--quick)' : ''}, ${r.durationSeconds} s. Machine: ${r.facts.cores} × ${r.facts.cpu}, ${r.facts.memoryGb} GB, Linux ${r.facts.kernel}, Node ${r.facts.node}, ${r.facts.postgres}; load average at the end ${r.facts.loadAverageAtEnd}.`);
  if (r.incidentRows !== undefined) lines.push(`Data: ×${r.scale ?? 1} — ${r.incidentRows} incidents in the benchmark database${r.seedSeconds !== undefined ? `, seeded in ${r.seedSeconds} s this run` : ' (seeded by an earlier run)'}.`);
  lines.push(`Supergraph: ${r.supergraph}. Throughput: ${r.connections} connections for ${r.throughputSeconds} s per cell; latency at a fixed rate (half the slowest variant's throughput for that query) for ${r.latencySeconds} s. Requests rotate over ${SUBJECTS_PER_AUDIENCE} distinct tokens per audience.`);
  lines.push('');
  lines.push(r.sharedReads
    ? 'Subgraphs shared identical reads in flight between callers of the same policy scope (`SHARED_READS`, the default; Hive Gateway drives the same subgraph processes). "Reads joined" is the share of subgraph reads during the throughput cell that joined one already running instead of executing.'
    : 'Subgraphs ran with `SHARED_READS=off`: every subgraph read executed, for every caller.');
  lines.push('');
  lines.push('### Throughput, CPU and latency');
  lines.push('');
  lines.push('| query | variant | req/s | CPU ms/req (total) | gateway | subgraphs | postgres | reads joined | rate/s | p50 ms | p95 ms | p99 ms | errors |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const m of r.measurements) {
    const gw = m.cpuMsPerRequest[m.variant === 'ours' ? 'ours' : m.variant] ?? (m.variant === 'baseline' ? m.cpuMsPerRequest.baseline : undefined);
    lines.push(
      `| ${m.query} | ${m.variant} | ${f1(m.throughput)} | ${f1(m.cpuMsPerRequest.total)} | ${m.variant === 'subgraph' ? '–' : f1(gw)} | ${f1(m.cpuMsPerRequest.subgraphs)} | ${f1(m.cpuMsPerRequest.postgres)} | ${joinedShare(m)} | ${m.latency?.rate ?? '–'} | ${f1(m.latency?.p50)} | ${f1(m.latency?.p95)} | ${f1(m.latency?.p99)} | ${m.errors + m.non2xx} |`,
    );
  }
  lines.push('');
  const perSubgraph = r.measurements.filter((m) => m.variant === 'ours' && Object.keys(m.cpuMsPerRequest).some((k) => k.startsWith('subgraph:')));
  if (perSubgraph.length) {
    lines.push('CPU ms per request in each subgraph, through our gateway:');
    lines.push('');
    lines.push(`| query | ${SUBGRAPH_NAMES.join(' | ')} |`);
    lines.push(`|---|${SUBGRAPH_NAMES.map(() => '---:').join('|')}|`);
    for (const m of perSubgraph) lines.push(`| ${m.query} | ${SUBGRAPH_NAMES.map((n) => f1(m.cpuMsPerRequest[`subgraph:${n}`])).join(' | ')} |`);
    lines.push('');
  }
  lines.push('### Ratios');
  lines.push('');
  lines.push('(d) Hive Gateway with its JavaScript query planner, (e) with its Rust one; "faster Hive" is whichever of the two had the higher throughput on that query.');
  lines.push('');
  lines.push('| query | throughput ours ÷ (c) | ÷ (d) | ÷ (e) | ÷ faster Hive | CPU/req ours ÷ (c) | ÷ (d) | ÷ (e) | p95 ours ÷ (c) | ÷ (d) | ÷ (e) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const q of [...new Set(r.measurements.map((m) => m.query))]) {
    const a = find(q, 'ours');
    const [c, d, e] = (['baseline', 'hive', 'hive-rust'] as Variant[]).map((v) => find(q, v));
    const fast = fasterHive(q);
    lines.push(
      `| ${q} | ${[c, d, e].map((x) => ratio(a?.throughput, x?.throughput)).join(' | ')} | ${ratio(a?.throughput, fast?.throughput)}${fast ? ` (${fast.variant === 'hive' ? 'd' : 'e'})` : ''} | ${[c, d, e].map((x) => ratio(a?.cpuMsPerRequest.total, x?.cpuMsPerRequest.total)).join(' | ')} | ${[c, d, e].map((x) => ratio(a?.latency?.p95, x?.latency?.p95)).join(' | ')} |`,
    );
  }
  lines.push('');
  lines.push('### SQL statements and subgraph requests per operation');
  lines.push('');
  lines.push('| query | as | SQL statements (page 10) | SQL statements (page 500) | subgraph requests: ours | Hive (JS planner) | Hive (Rust planner) |');
  lines.push('|---|---|---:|---:|---:|---:|---:|');
  for (const [q, c] of Object.entries(r.counts)) {
    lines.push(`| ${q} | ${c.audience} | ${c.statementsSmall} | ${c.statementsLarge ?? '(no page)'} | ${c.subgraphRequestsOurs} | ${c.subgraphRequestsHive ?? '–'} | ${c.subgraphRequestsHiveRust ?? '–'} |`);
  }
  lines.push('');
  lines.push('### Peak RSS (MB)');
  lines.push('');
  lines.push(Object.entries(r.rss).map(([n, mb]) => `${n} ${mb}`).join(' · '));
  lines.push('');
  lines.push(`VmHWM of each benchmarked process itself over the whole run; processes ran as ${r.runner === 'node dist/' ? '`node dist/…` (the JavaScript `pnpm build` makes, as in production)' : 'TypeScript through tsx'} with \`NODE_ENV=${r.nodeEnv ?? 'development'}\`${r.gatewayNodeFlags ? `; our gateway (ours, cached) with ${r.gatewayNodeFlags.length ? r.gatewayNodeFlags.map((f) => `\`${f}\``).join(' ') : 'V8\'s default heap settings'}` : ''}.`);
  lines.push('');
  if (r.coldStart) {
    lines.push('### Cold start');
    lines.push('');
    lines.push(`\`${r.coldStart.command}\` on a fresh embedded database (PGlite directory removed first; build, migrations, seed of the real data, four subgraphs and the gateway), timed from spawn to the first GraphQL answer over HTTP from the gateway:`);
    lines.push('');
    lines.push('| run | first answer, s | "ready" printed at, s |');
    lines.push('|---:|---:|---:|');
    r.coldStart.runs.forEach((run, i) => lines.push(`| ${i + 1} | ${run.seconds.toFixed(2)} | ${run.readyLine?.toFixed(1) ?? '–'} |`));
    lines.push('');
  }
  lines.push('### Targets');
  lines.push('');
  const t = (label: string, value: number | undefined, target: number, higherIsBetter: boolean) => {
    if (value === undefined || Number.isNaN(value)) return `- ${label}: not measured`;
    const met = higherIsBetter ? value >= target : value <= target;
    const by = higherIsBetter ? `${((1 - value / target) * 100).toFixed(0)} % short` : `${((value / target - 1) * 100).toFixed(0)} % over`;
    return `- ${label}: ${value.toFixed(2)} (target ${higherIsBetter ? '≥' : '≤'} ${target}) — ${met ? 'met' : `missed, ${by}`}`;
  };
  const tp = (q: string, v: Variant) => find(q, v)?.throughput;
  for (const q of ['Q2', 'Q3']) {
    const fast = fasterHive(q);
    const name = fast ? ` (${fast.variant === 'hive' ? 'JS' : 'Rust'} planner)` : '';
    lines.push(t(`${q} throughput ours ÷ the faster Hive${name}`, tp(q, 'ours') && fast ? tp(q, 'ours')! / fast.throughput : undefined, 1.5, true));
  }
  const q3a = find('Q3', 'ours')?.cpuMsPerRequest.total;
  const q3c = find('Q3', 'baseline')?.cpuMsPerRequest.total;
  lines.push(t('Q3 end-to-end CPU per request ours ÷ baseline', q3a && q3c ? q3a / q3c : undefined, 3, false));
  lines.push(t('Q4 (public) cached ÷ uncached throughput', tp('Q4', 'cached') && tp('Q4', 'ours') ? tp('Q4', 'cached')! / tp('Q4', 'ours')! : undefined, 10, true));
  lines.push(t('gateway peak RSS, MB', Math.max(r.rss.ours ?? 0, r.rss.cached ?? 0) || undefined, 250, false));
  if (r.coldStart?.runs.length) lines.push(t(`cold start to the first answer, s (slowest of ${r.coldStart.runs.length})`, Math.max(...r.coldStart.runs.map((x) => x.seconds)), 10, false));
  const flat = Object.entries(r.counts).filter(([, c]) => c.statementsLarge !== undefined);
  lines.push(`- SQL statements equal for page sizes 10 and 500: ${flat.every(([, c]) => c.statementsLarge === c.statementsSmall) ? 'yes' : 'NO'} (${flat.map(([q, c]) => `${q} ${c.statementsSmall}/${c.statementsLarge}`).join(', ')})`);
  if (r.profile) {
    lines.push('');
    lines.push(`### CPU profile of our gateway under ${ONLY.includes('Q3') ? 'Q3' : ONLY[0]} load (self time)`);
    lines.push('');
    lines.push('| share | where |');
    lines.push('|---:|---|');
    for (const row of r.profile.byPackage.slice(0, 12)) lines.push(`| ${row.share.toFixed(1)} % | ${row.name} |`);
    lines.push('');
    lines.push('Hottest functions: ' + r.profile.topFunctions.slice(0, 10).map((f) => `${f.name} (${f.share.toFixed(1)} %)`).join(', ') + '.');
  }
  writeSection(r.sharedReads === false ? 'unshared' : '', r.scale ?? 1, lines);
}

function writeSweepReport(r: SweepReport): void {
  const lines: string[] = [];
  lines.push(`Run: ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (--quick)' : ''}, ${r.durationSeconds} s. Machine: ${r.facts.cores} × ${r.facts.cpu}, ${r.facts.memoryGb} GB, Node ${r.facts.node}, ${r.facts.postgres}; load average at the end ${r.facts.loadAverageAtEnd}. Data ×${r.scale}.`);
  lines.push(`Our gateway alone (no other gateway running), ${r.seconds} s per cell, closed loop: every connection sends its next request when the last one answers, so latency is what a caller waits at that concurrency. CPU per request: our gateway, subgraphs and PostgreSQL together; "reads joined" as in the main tables. RSS: VmRSS of each process right after the cell.`);
  lines.push('');
  lines.push(`| connections | query | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/req | reads joined | RSS MB: ours | ${SUBGRAPH_NAMES.join(' | ')} |`);
  lines.push(`|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|${SUBGRAPH_NAMES.map(() => '---:').join('|')}|`);
  for (const c of r.cells) {
    lines.push(`| ${c.connections} | ${c.query} | ${f1(c.throughput)} | ${f1(c.underLoad?.p50)} | ${f1(c.underLoad?.p95)} | ${f1(c.underLoad?.p99)} | ${c.errors + c.non2xx} | ${f1(c.cpuMsPerRequest.total)} | ${joinedShare(c)} | ${c.rssAfter.ours ?? '–'} | ${SUBGRAPH_NAMES.map((n) => c.rssAfter[n] ?? '–').join(' | ')} |`);
  }
  lines.push('');
  lines.push(`Peak RSS (VmHWM) over the sweep, MB: ${Object.entries(r.peakRss).map(([n, mb]) => `${n} ${mb}`).join(' · ')}.`);
  lines.push('');
  const top = r.cells.filter((c) => c.connections === Math.max(...r.cells.map((x) => x.connections)));
  const errors = top.reduce((n, c) => n + c.errors + c.non2xx, 0);
  lines.push(`- No error at ${top[0]?.connections ?? '–'} connections: ${errors === 0 ? 'met' : `missed, ${errors} errors`}`);
  lines.push(`- Gateway peak RSS ≤ ${GATEWAY_RSS_CAP_MB} MB through ${top[0]?.connections ?? '–'} connections: ${r.peakRss.ours ?? '–'} MB — ${(r.peakRss.ours ?? Infinity) <= GATEWAY_RSS_CAP_MB ? 'met' : 'missed'}`);
  writeSection('sweep', r.scale, lines);
}

/** Replaces the generated section between its markers in docs/benchmarks.md (appends it the first time). */
function writeSection(kind: '' | 'unshared' | 'sweep', scale: number, lines: string[]): void {
  const file = path.join(repoRoot, 'docs/benchmarks.md');
  const flag = { '': '', unshared: ' --no-shared-reads', sweep: ' --sweep' }[kind];
  const section = `${kind ? `bench-${kind}` : 'bench'}${scale === 1 ? '' : `-x${scale}`}`;
  const begin = `<!-- ${section}:begin (generated by pnpm bench${flag}${scale === 1 ? '' : ` --scale=${scale}`}) -->`;
  const end = `<!-- ${section}:end -->`;
  const generated = `${begin}\n${lines.join('\n')}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`;
  const at = current.indexOf(begin);
  const until = current.indexOf(end, at);
  const next = at >= 0 && until >= 0 ? current.slice(0, at) + generated + current.slice(until + end.length) : `${current}\n${generated}\n`;
  writeFileSync(file, next);
}

if (args.includes('--report')) {
  // Re-render docs/benchmarks.md from the last run's docs/benchmarks.json (benchmarks-sweep.json with --sweep).
  const saved = JSON.parse(readFileSync(path.join(repoRoot, REPORT_JSON), 'utf8'));
  if (SWEEP) writeSweepReport(saved as SweepReport);
  else writeReport(saved as Report);
} else main().catch(async (error) => {
  console.error(error);
  for (const p of [...procs].reverse()) await stopProc(p).catch(() => {});
  process.exit(1);
});
