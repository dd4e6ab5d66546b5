// The subscriptions benchmark (issue 18): N concurrent subscribers across the demo audiences on
// ONE gateway process (PostgreSQL; subgraphs in this process), E incidents reported through the
// graph. Measures event-to-delivery (outbox row's commit-time clock → message received), the
// gateway's RSS growth, and checks every delivery against the same selection as a query by the
// subscriber's audience right after (out-of-scope deliveries must be 0; differing ones too).
//   DATABASE_URL (admin URL of a PostgreSQL server) is required.
//   pnpm tsx scripts/bench/subscriptions.ts [--subscribers 1000] [--events 20] [--interval-ms 500]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import postgres from 'postgres';
import { SignJWT } from 'jose';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { migrateAll, openDatabase, repoRoot } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { seedAll } from '../seed/seed-all';
import { DEMO_IDENTITIES } from '@peacegraph/reference';
import { startSubgraphs } from '../services/subgraphs-in-process';
import { rssMb } from './proc-stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUBSCRIBERS = arg('subscribers', 1000);
const EVENTS = arg('events', 20);
const INTERVAL_MS = arg('interval-ms', 500);
const ADMIN_URL = process.env.DATABASE_URL;
if (!ADMIN_URL) throw new Error('DATABASE_URL (PostgreSQL) is required: PGlite is one connection, not a throughput figure.');
const DB = 'peacegraph_bench_subscriptions';
const benchUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB}`;
  return u.toString();
})();
const JWT_SECRET = randomBytes(24).toString('base64url');
const SIGNING_SECRET = randomBytes(32).toString('base64url');
const AUDIENCES = ['mission-ops', 'conduct-discipline', 'un-agency', 'ngo-partner', 'ngo-other', 'donor', 'oversight', 'public'];
// Areas: inside ngo-partner's agreement only (CF52), inside both NGOs' (CF71), inside neither (CF62).
const AREAS: [string, number, number][] = [
  ['CF521', 6.5412, 21.9821],
  ['CF71', 4.3712, 18.5621],
  ['CF62', 5.2101, 23.4902],
];
const SELECTION = 'id adminAreaPcode location { latitude longitude precision } victims { fullName } summary';
const SUBSCRIPTION = `subscription { incidentReported(filter: { missionId: "MINUSCA" }) { eventId incident { ${SELECTION} } } }`;

const log = (...a: unknown[]) => console.log(`[subscriptions-bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function prepareDatabase(): Promise<void> {
  const admin = postgres(ADMIN_URL!, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${DB}`;
  if (!exists) await admin.unsafe(`create database ${DB}`);
  await admin.end();
  const database = await openDatabase({ url: benchUrl, maxConnections: 4 });
  await migrateAll(database);
  const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  const [{ n }] = (await sql`select count(*)::int as n from incidents.incidents`) as unknown as [{ n: number }];
  if (n === 0) {
    log('seeding', DB, '(once)');
    await seedAll(database);
  }
  await sql`delete from incidents.incidents where client_key like 'subs-bench-%'`;
  await sql.end();
  await database.close();
}

async function token(audience: string, i: number): Promise<string | undefined> {
  if (audience === 'public') return undefined;
  const d = DEMO_IDENTITIES.find((x) => x.audience === audience)!;
  return new SignJWT({ org: d.organizationId, org_type: d.organizationType, roles: d.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`${i}.${d.subject}`)
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

interface Subscriber {
  audience: string;
  token: string | undefined;
  transport: 'sse' | 'ws';
  received: { at: number; message: any }[];
  errors: unknown[];
  dispose(): void;
}

function open(gatewayUrl: string, s: Omit<Subscriber, 'received' | 'errors' | 'dispose'>): Subscriber {
  const sub: Subscriber = { ...s, received: [], errors: [], dispose: () => {} };
  const authorization = s.token ? `Bearer ${s.token}` : undefined;
  const sink = {
    next: (message: unknown) => sub.received.push({ at: Date.now(), message }),
    error: (e: unknown) => sub.errors.push(e),
    complete: () => {},
  };
  if (s.transport === 'ws') {
    const client = createWsClient({ url: gatewayUrl.replace(/^http/, 'ws') + '/ws', webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0 });
    const off = client.subscribe({ query: SUBSCRIPTION }, sink as never);
    sub.dispose = () => {
      off();
      void client.dispose();
    };
  } else {
    const client = createSseClient({ url: `${gatewayUrl}/stream`, headers: authorization ? { authorization } : {}, retryAttempts: 0 });
    const off = client.subscribe({ query: SUBSCRIPTION }, sink as never);
    sub.dispose = () => {
      off();
      client.dispose();
    };
  }
  return sub;
}

async function query(gatewayUrl: string, authorization: string | undefined, q: string, variables: Record<string, unknown>) {
  const r = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization: `Bearer ${authorization}` } : {}) }, body: JSON.stringify({ query: q, variables }) });
  return (await r.json()) as { data?: any; errors?: any[] };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

await prepareDatabase();
const database = await openDatabase({ url: benchUrl, maxConnections: 10 });
const subgraphs = await startSubgraphs({ database, signingSecret: SIGNING_SECRET, anyFreePort: true });
const port = 20_000 + Math.floor(Math.random() * 20_000);
const gatewayProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/services/gateway.ts'], {
  cwd: repoRoot,
  env: {
    ...process.env,
    LOG_LEVEL: 'warn',
    // One load generator is one address: the per-address bound would refuse it.
    SUBSCRIPTIONS_MAX_PER_ADDRESS: String(SUBSCRIBERS + 10),
    // The public audience is one caller per address here, too.
    SUBSCRIPTIONS_MAX_PER_CALLER: String(SUBSCRIBERS),
    GATEWAY_PORT: String(port),
    GATEWAY_HOST: '127.0.0.1',
    DATABASE_URL: benchUrl,
    GATEWAY_SIGNING_SECRET: SIGNING_SECRET,
    JWT_SECRET,
    ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, s.url])),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(gatewayUrl.replace('/graphql', '/healthz'))).ok) break;
  } catch {
    if (i > 300) throw new Error('gateway did not start');
  }
  await new Promise((r) => setTimeout(r, 200));
}
const pid = gatewayProcess.pid!;
const missionToken = await token('mission-ops', 0);
// Warm the gateway's query path once, then take its baseline memory.
await query(gatewayUrl, missionToken, `query ($id: ID!) { incident(id: $id) { ${SELECTION} } }`, { id: 'none' });
await new Promise((r) => setTimeout(r, 1000));
const rssBefore = rssMb(pid);
log(`gateway pid ${pid} on ${port}, RSS ${rssBefore} MB; opening ${SUBSCRIBERS} subscribers`);

const subscribers: Subscriber[] = [];
for (let i = 0; i < SUBSCRIBERS; i++) {
  const audience = AUDIENCES[i % AUDIENCES.length]!;
  subscribers.push(open(gatewayUrl, { audience, token: await token(audience, i), transport: i % 2 === 0 ? 'sse' : 'ws' }));
  if (i % 100 === 99) await new Promise((r) => setTimeout(r, 50));
}
await new Promise((r) => setTimeout(r, 3000));
const rssSubscribed = rssMb(pid);
log(`subscribed; RSS ${rssSubscribed} MB; reporting ${EVENTS} incidents every ${INTERVAL_MS} ms`);

const reported: string[] = [];
const loadBefore = loadavg()[0]!;
for (let e = 0; e < EVENTS; e++) {
  const [pcode, lat, lon] = AREAS[e % AREAS.length]!;
  const r = await query(gatewayUrl, missionToken, `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`, {
    input: {
      clientKey: `subs-bench-${Date.now()}-${e}`,
      missionId: 'MINUSCA',
      eventDate: '2025-05-02',
      subEventType: 'ATTACK',
      adminAreaPcode: pcode,
      latitude: lat,
      longitude: lon,
      fatalities: 1,
      summary: 'Benchmark incident.',
      victims: [{ fullName: 'Bench Victim', sex: 'FEMALE', group: 'CIVILIAN', outcome: 'INJURED' }],
    },
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  reported.push(r.data.reportIncident.incident.id);
  await new Promise((r) => setTimeout(r, INTERVAL_MS));
}
await new Promise((r) => setTimeout(r, 5000));
const rssAfter = rssMb(pid);
const loadDuring = loadavg()[0]!;

// Ground truth: the outbox's clock for each event, and what each audience's query returns now.
const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
const outbox = await sql`select id, entity_id, extract(epoch from created_at) * 1000 as at from incidents.outbox where entity_id = any(${reported})`;
await sql.end();
const committedAt = new Map(outbox.map((r) => [String(r.id), Number(r.at)]));
const truth = new Map<string, any>();
for (const audience of AUDIENCES) {
  const t = audience === 'public' ? undefined : await token(audience, 9999);
  for (const id of reported) truth.set(`${audience}|${id}`, (await query(gatewayUrl, t, `query ($id: ID!) { incident(id: $id) { ${SELECTION} } }`, { id })).data?.incident ?? null);
}
const latencies: number[] = [];
let outOfScope = 0;
let differing = 0;
let missing = 0;
let delivered = 0;
for (const s of subscribers) {
  const got = new Map(s.received.filter((m) => m.message.data).map((m) => [m.message.data.incidentReported.incident.id, m]));
  for (const id of reported) {
    const expected = truth.get(`${s.audience}|${id}`);
    const m = got.get(id);
    if (!m) {
      if (expected) missing++;
      continue;
    }
    delivered++;
    if (!expected) outOfScope++;
    else if (JSON.stringify(m.message.data.incidentReported.incident) !== JSON.stringify(expected)) differing++;
    const at = committedAt.get(m.message.data.incidentReported.eventId);
    if (at) latencies.push(Math.max(0, m.at - at));
  }
}
const result = {
  at: new Date().toISOString(),
  subscribers: SUBSCRIBERS,
  transports: { sse: Math.ceil(SUBSCRIBERS / 2), ws: Math.floor(SUBSCRIBERS / 2) },
  audiences: AUDIENCES,
  events: EVENTS,
  intervalMs: INTERVAL_MS,
  deliveries: delivered,
  missing,
  outOfScope,
  differingFromQuery: differing,
  subscriberErrors: subscribers.reduce((n, s) => n + s.errors.length, 0),
  latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: Math.max(...latencies) },
  gatewayRssMb: { beforeSubscribers: rssBefore, subscribed: rssSubscribed, afterEvents: rssAfter, growth: rssAfter - rssBefore },
  loadAverage1m: { before: loadBefore, after: loadDuring },
  cores: (await import('node:os')).cpus().length,
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(`${repoRoot}/docs/benchmarks-subscriptions.json`, `${JSON.stringify(result, null, 2)}\n`);
for (const s of subscribers) s.dispose();
gatewayProcess.kill('SIGTERM');
for (const s of subgraphs) await s.stop();
await database.close();
process.exit(0);
