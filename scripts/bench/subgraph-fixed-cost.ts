// The fixed cost of one subgraph request: a signed `{ __typename }` (no resolver, no statement)
// sent to one subgraph with the headers our gateway sends, over a keep-alive connection, and the
// CPU of the subgraph's process per request (the client runs in a child process), in rounds so one
// run shows its own spread. The quick loop for work on a subgraph's per-request machinery
// (docs/benchmarks.md, "Subgraph fixed cost").
//   DATABASE_URL=postgres://…/peacegraph_bench NODE_ENV=production node dist/scripts/bench/subgraph-fixed-cost.js [subgraph] [requests] [rounds] [audience]
// QUERY='{ … }' sends that document instead; PROFILE=file writes a V8 profile of the last round.
// VARIANTS=a=path/a.js,b=path/b.js serves the subgraph once per built kit bundle (copies of
// subgraphs/kit/dist/index.js, placed beside it) in this one process and alternates the rounds
// between them: an A/B in the same process and the same seconds, which the machine's load
// shifts alike — what a shared machine needs to resolve a few per cent.
import { request as httpRequest, Agent } from 'node:http';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AUDIT_FACTS_HEADER, openDatabase, serveSubgraph, signIdentity, type Access, type Db, type Identity } from '@peacegraph/kit';
import { demoIdentity } from '@peacegraph/reference';
import { SUBGRAPHS } from '../subgraphs';

const [name = 'missions', requestsArg = '4000', roundsArg = '5', audience = 'mission-ops'] = process.argv.slice(2);
const requests = Number(requestsArg);
const rounds = Number(roundsArg);
const entry = SUBGRAPHS.find((s) => s.name === name);
if (!entry) throw new Error(`Unknown subgraph ${name}.`);
const identity: Identity = demoIdentity(audience);

const body = JSON.stringify({ query: process.env.QUERY ?? '{ __typename }' });

if (process.send) {
  // The client: a process of its own, so the subgraph process's CPU is the subgraphs' alone.
  const { urls, signingSecret } = JSON.parse(process.env.FIXED_COST_TARGET!) as { urls: string[]; signingSecret: string };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  /** One request as the gateway sends it (signed-data-source.ts): its headers, signed afresh. */
  const send = (url: string): Promise<string> => {
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'accept-language': 'en',
      'x-request-id': randomUUID(),
      [AUDIT_FACTS_HEADER]: '1',
      ...signIdentity(signingSecret, identity, body, { subgraph: name }),
    };
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers, agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c)).on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode} ${text}`)))).on('error', reject);
      });
      req.on('error', reject).end(body);
    });
  };
  const ask = (message: unknown) => new Promise<void>((resolve) => { process.once('message', () => resolve()); process.send!(message); });
  for (const url of urls) console.log(`${name} as ${audience}: ${await send(url)}`);
  for (let i = 0; i < 4000; i++) for (const url of urls) await send(url); // warm-up: JIT, caches, the agreement cache's LISTEN
  for (let round = 1; round <= rounds; round++) {
    for (const [variant, url] of (round % 2 ? urls : [...urls].reverse()).map((u) => [urls.indexOf(u), u] as const)) {
      await ask({ start: variant, round });
      for (let i = 0; i < requests; i++) await send(url);
      await ask({ stop: variant, round });
    }
  }
  process.exit(0);
}

interface Kit {
  openDatabase: typeof openDatabase;
  serveSubgraph: typeof serveSubgraph;
}
const variants: [string, Kit][] = process.env.VARIANTS
  ? await Promise.all(
      process.env.VARIANTS.split(',').map(async (v) => {
        const [label, file] = v.split('=') as [string, string];
        return [label, (await import(pathToFileURL(path.resolve(file)).href)) as Kit] as [string, Kit];
      }),
    )
  : [['kit', { openDatabase, serveSubgraph }]];
const signingSecret = randomUUID();
const built = await entry.build();
const served: { label: string; database: Awaited<ReturnType<typeof openDatabase>>; subgraph: Awaited<ReturnType<typeof serveSubgraph>>; results: number[] }[] = [];
for (const [label, kit] of variants) {
  const database = await kit.openDatabase({ url: process.env.DATABASE_URL!, maxConnections: 10 });
  const subgraph = await kit.serveSubgraph({ built, database, signingSecret, createLoaders: entry.createLoaders as (db: Db, a: Access) => unknown, port: 0, portVariable: entry.portVariable });
  served.push({ label, database, subgraph, results: [] as number[] });
}
const client = fork(fileURLToPath(import.meta.url), process.argv.slice(2), { env: { ...process.env, FIXED_COST_TARGET: JSON.stringify({ urls: served.map((s) => s.subgraph.url), signingSecret }) } });
const profile = process.env.PROFILE ? new Session() : null;
let cpu = process.cpuUsage();
await new Promise<void>((resolve, reject) => {
  client.on('message', (message: { start?: number; stop?: number; round: number }) => {
    void (async () => {
      const last = profile && message.round === rounds && (message.start ?? message.stop) === 0;
      if (message.start !== undefined) {
        if (last) {
          profile.connect();
          await profile.post('Profiler.enable');
          await profile.post('Profiler.start');
        }
        cpu = process.cpuUsage();
      } else {
        const used = process.cpuUsage(cpu);
        served[message.stop!]!.results.push((used.user + used.system) / requests);
        if (last) writeFileSync(process.env.PROFILE!, JSON.stringify((await profile.post('Profiler.stop')).profile));
      }
      client.send('ok');
    })();
  });
  client.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`client exited with ${code}`))));
});
for (const { label, results } of served) {
  const sorted = [...results].sort((a, b) => a - b);
  console.log(`${label}: subgraph µs CPU/request per round: ${results.map((r) => r.toFixed(0)).join(' ')}; median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)}, min ${sorted[0]!.toFixed(0)}`);
}
if (served.length > 1) {
  // Paired: each round's blocks ran back to back, so their ratio cancels most of the load's drift.
  const [a, ...others] = served;
  for (const b of others) {
    const ratios = b.results.map((r, i) => r / a!.results[i]!).sort((x, y) => x - y);
    console.log(`${b.label} ÷ ${a!.label}, median of ${ratios.length} paired rounds: ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)} (quartiles ${ratios[Math.floor(ratios.length / 4)]!.toFixed(3)}–${ratios[Math.floor((3 * ratios.length) / 4)]!.toFixed(3)})`);
  }
}
for (const { subgraph, database } of served) {
  await subgraph.stop();
  await database.close();
}
process.exit(0);
