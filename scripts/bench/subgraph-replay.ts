// Replays the subgraph requests one gateway operation makes, against each subgraph alone, and
// reports per request: CPU (this process: the subgraph plus a small client), PostgreSQL's CPU,
// statements — a quick loop for working on per-request subgraph cost (docs/benchmarks.md).
//   DATABASE_URL=postgres://…/peacegraph_bench tsx scripts/bench/subgraph-replay.ts [Q3] [audience] [repeats]
// ONLY=incidents,humanitarian replays those subgraphs' requests only; TRIVIAL=1 adds a signed
// `{ __typename }` (the fixed cost of a request); PROFILE=1 writes a V8 profile per replayed request to /tmp/micro (or PROFILE_DIR).
import { request as httpRequest, Agent } from 'node:http';
import { openDatabase, serveSubgraph, signIdentity, verifySignedIdentity, type Access, type Db, type Identity } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, startGateway } from '@peacegraph/gateway';
import { compose } from '../compose';
import { SUBGRAPHS } from '../subgraphs';
import { postGraphQL, randomSecret, tokenFor } from './client';
import { countingProxy } from './counting-proxy';
import { OPERATIONS, operationOf, type QueryId } from './operations';
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpuMs, postgresPidsServing } from './proc-stats';

/** CPU ms of every PostgreSQL backend serving the database so far. */
const postgresCpuMs = (database: string) => postgresPidsServing(database).reduce((sum, pid) => sum + cpuMs(pid), 0);
const DB_NAME = new URL(process.env.DATABASE_URL!).pathname.slice(1);

const [id = 'Q3', audience = 'mission-ops', repeatsArg = '400'] = process.argv.slice(2);
const repeats = Number(repeatsArg);
const database = await openDatabase({ url: process.env.DATABASE_URL!, maxConnections: 10 });
const signingSecret = randomSecret();
const jwtSecret = randomSecret();
const services = new Map<string, { url: string; stop(): Promise<void> }>();
for (const entry of SUBGRAPHS) {
  const s = await serveSubgraph({ built: await entry.build(), database, signingSecret, createLoaders: entry.createLoaders as (db: Db, a: Access) => unknown, port: 0, portVariable: entry.portVariable });
  services.set(entry.name, s);
}
// A proxy per subgraph between the gateway and it, remembering each request's body and identity.
const captured: { subgraph: string; body: string; identity: Identity }[] = [];
const capturing = new Map<string, string>();
for (const [name, s] of services) {
  const proxy = await countingProxy(s.url, (headers, body) => {
    const verified = verifySignedIdentity(signingSecret, headers, body, { subgraph: name });
    if (verified.ok) captured.push({ subgraph: name, body, identity: verified.identity });
  });
  capturing.set(name, proxy.url);
}
const { supergraphSdl } = await compose();
const gateway = await startGateway({ supergraphSdl, subgraphUrls: Object.fromEntries(capturing), signingSecret, jwt: { kind: 'hs256', secret: jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE }, port: 0, host: '127.0.0.1', rateLimit: false, limits: false });
const token = await tokenFor(audience, jwtSecret);
const answer = await postGraphQL(gateway.url.replace('localhost', '127.0.0.1'), token, { query: operationOf(id as QueryId).body, variables: OPERATIONS[id as QueryId].variables() });
if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
console.log(`${id} as ${audience}: ${answer.text.length} bytes, ${captured.length} subgraph requests`);

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function send(subgraph: string, url: string, body: string, identity: Identity): Promise<number> {
  const headers = { 'content-type': 'application/json', ...signIdentity(signingSecret, identity, body, { subgraph }) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers, agent }, (res) => {
      let n = 0;
      res.on('data', (c) => (n += c.length)).on('end', () => resolve(n)).on('error', reject);
    });
    req.on('error', reject).end(body);
  });
}
if (process.env.TRIVIAL) {
  const identity = captured[0]!.identity;
  for (const name of ['missions', 'finance']) captured.unshift({ subgraph: name, body: JSON.stringify({ query: '{ __typename }' }), identity });
}
const profile = process.env.PROFILE ? new Session() : null;
const PROFILE_DIR = process.env.PROFILE_DIR ?? '/tmp/micro';
let replayed = 0;
if (profile) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  profile.connect();
  await profile.post('Profiler.enable');
}
for (const c of captured.filter((c) => !process.env.ONLY || process.env.ONLY.split(',').includes(c.subgraph))) {
  const url = services.get(c.subgraph)!.url;
  for (let i = 0; i < 50; i++) await send(c.subgraph, url, c.body, c.identity); // warm-up
  await new Promise((r) => setTimeout(r, 200));
  if (profile) await profile.post('Profiler.start');
  const statementsBefore = database.statementCount();
  const cpu = process.cpuUsage();
  const pgBefore = postgresCpuMs(DB_NAME);
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < repeats; i++) bytes = await send(c.subgraph, url, c.body, c.identity);
  const used = process.cpuUsage(cpu);
  const pgMs = (postgresCpuMs(DB_NAME) - pgBefore) / repeats;
  const wall = performance.now() - t0;
  if (profile) { const { profile: p } = await profile.post('Profiler.stop'); writeFileSync(`${PROFILE_DIR}/${++replayed}-${c.subgraph}.cpuprofile`, JSON.stringify(p)); }
  console.log(`${c.subgraph.padEnd(13)} ${((used.user + used.system) / 1000 / repeats).toFixed(2)} ms CPU/req (user ${(used.user / 1000 / repeats).toFixed(2)}), wall ${(wall / repeats).toFixed(2)} ms, postgres ${pgMs.toFixed(2)} ms, ${bytes} bytes, ${((database.statementCount() - statementsBefore) / repeats).toFixed(1)} statements — ${c.body.slice(0, 90)}`);
}
await gateway.stop();
for (const s of services.values()) await s.stop();
await database.close();
process.exit(0);
