// Replays one operation end to end — client → our gateway → subgraphs → PostgreSQL — with the
// gateway and the four subgraphs in this one process, and reports the process's CPU per request
// (gateway + subgraphs + a small client) and PostgreSQL's. The quick loop for work on the whole
// path (docs/benchmarks.md): less noise than a bench cell on a shared machine, since it counts
// CPU, not throughput.
//   DATABASE_URL=postgres://…/peacegraph_bench NODE_ENV=production node dist/scripts/bench/path-replay.js [Q1] [audience] [repeats] [concurrency]
// (built by `pnpm build`, so it measures the JavaScript that runs in production; tsx works too).
// PROFILE=file writes a V8 profile of the measured requests.
import { request as httpRequest, Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { openDatabase, serveSubgraph, type Access, type Db } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, startGateway } from '@peacegraph/gateway';
import { compose } from '../compose';
import { SUBGRAPHS } from '../subgraphs';
import { randomSecret, tokenFor } from './client';
import { OPERATIONS, operationOf, type QueryId } from './operations';
import { cpuMs, postgresPidsServing } from './proc-stats';

const [id = 'Q1', audience = 'mission-ops', repeatsArg = '400', concurrencyArg = '1'] = process.argv.slice(2);
const repeats = Number(repeatsArg);
const concurrency = Number(concurrencyArg);
const DB_NAME = new URL(process.env.DATABASE_URL!).pathname.slice(1);
const postgresCpuMs = () => postgresPidsServing(DB_NAME).reduce((sum, pid) => sum + cpuMs(pid), 0);

const database = await openDatabase({ url: process.env.DATABASE_URL!, maxConnections: 10 });
const signingSecret = randomSecret();
const jwtSecret = randomSecret();
const subgraphUrls: Record<string, string> = {};
const services: { stop(): Promise<void> }[] = [];
for (const entry of SUBGRAPHS) {
  const s = await serveSubgraph({ built: await entry.build(), database, signingSecret, createLoaders: entry.createLoaders as (db: Db, a: Access) => unknown, port: 0, portVariable: entry.portVariable });
  services.push(s);
  subgraphUrls[entry.name] = s.url;
}
const { supergraphSdl } = await compose();
const gateway = await startGateway({ supergraphSdl, subgraphUrls, signingSecret, jwt: { kind: 'hs256', secret: jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE }, port: 0, host: '127.0.0.1', rateLimit: false });
const url = new URL(gateway.url.replace('localhost', '127.0.0.1'));
const token = await tokenFor(audience, jwtSecret);
const body = JSON.stringify({ query: operationOf(id as QueryId).body, variables: OPERATIONS[id as QueryId].variables({ n: 0, pageSize: 50 } as never) });
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };

function send(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString())).on('error', reject);
    });
    req.on('error', reject).end(body);
  });
}
async function run(n: number): Promise<string> {
  let last = '';
  let left = n;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left-- > 0) last = await send();
  }));
  return last;
}

const first = await run(1);
if (JSON.parse(first).errors) throw new Error(first.slice(0, 500));
await run(100); // warm-up
await new Promise((r) => setTimeout(r, 200));
const profile = process.env.PROFILE ? new Session() : null;
if (profile) {
  profile.connect();
  await profile.post('Profiler.enable');
  await profile.post('Profiler.start');
}
const statementsBefore = database.statementCount();
const cpu = process.cpuUsage();
const pgBefore = postgresCpuMs();
const t0 = performance.now();
await run(repeats);
const used = process.cpuUsage(cpu);
const wall = performance.now() - t0;
const pgMs = (postgresCpuMs() - pgBefore) / repeats;
if (profile) writeFileSync(process.env.PROFILE!, JSON.stringify((await profile.post('Profiler.stop')).profile));
console.log(`${id} as ${audience} ×${repeats} (concurrency ${concurrency}): ${((used.user + used.system) / 1000 / repeats).toFixed(2)} ms CPU/req in-process, postgres ${pgMs.toFixed(2)} ms, wall ${(wall / repeats).toFixed(2)} ms, ${((database.statementCount() - statementsBefore) / repeats).toFixed(1)} statements, ${first.length} bytes`);
await gateway.stop();
for (const s of services) await s.stop();
await database.close();
process.exit(0);
