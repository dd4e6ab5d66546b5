// SQL statements and subgraph requests per operation: the four subgraphs in this process on the
// bench database (one Database, so its statement counter sees every subgraph), each behind a
// counting proxy, with our gateway — and Hive Gateway — in front.
import { createServer, type Server } from 'node:http';
import { openDatabase, serveSubgraph, type Access, type Db, type RunningService } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, startGateway } from '@peacegraph/gateway';
import { SUBGRAPHS } from '../subgraphs';
import { postGraphQL, randomSecret, tokenFor } from './client';
import { createHiveGateway } from '../services/hive-gateway';
import { OPERATIONS, operationOf, type QueryId } from './operations';
import { countingProxy, listen } from './counting-proxy';

export interface OperationCounts {
  audience: string;
  statementsSmall: number;
  /** Page 500 where the operation has a page; absent otherwise. */
  statementsLarge?: number;
  subgraphRequestsOurs: number;
  subgraphRequestsHive?: number;
  /** Hive Gateway with its Rust query planner. */
  subgraphRequestsHiveRust?: number;
}

const PAGED: Partial<Record<QueryId, true>> = { Q2: true, Q3: true };

let shared: Promise<Setup> | null = null;
interface Setup {
  database: Awaited<ReturnType<typeof openDatabase>>;
  proxies: Awaited<ReturnType<typeof countingProxy>>[];
  oursUrl: string;
  hiveUrl: string | null;
  /** Hive Gateway with its Rust query planner (HIVE_PLANNER=rust). */
  hiveRustUrl: string | null;
  jwtSecret: string;
  close(): Promise<void>;
}

async function setup(databaseUrl: string, supergraphSdl: string, withHive: boolean): Promise<Setup> {
  const database = await openDatabase({ url: databaseUrl, maxConnections: 10 });
  const signingSecret = randomSecret();
  const jwtSecret = randomSecret();
  const services: RunningService[] = [];
  for (const entry of SUBGRAPHS) {
    services.push(
      await serveSubgraph({ built: await entry.build(), database, signingSecret, createLoaders: entry.createLoaders as (db: Db, a: Access) => unknown, port: 0, portVariable: entry.portVariable }),
    );
  }
  const proxies = await Promise.all(services.map((s) => countingProxy(s.url)));
  const urls = Object.fromEntries(services.map((s, i) => [s.name, proxies[i]!.url]));
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: urls,
    signingSecret,
    jwt: { kind: 'hs256', secret: jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
    port: 0,
    host: '127.0.0.1',
    rateLimit: false,
  });
  const hives: { server: Server; runtime: Awaited<ReturnType<typeof createHiveGateway>>; url: string }[] = [];
  if (withHive) {
    for (const planner of ['js', 'rust'] as const) {
      const runtime = await createHiveGateway(supergraphSdl, urls, signingSecret, jwtSecret, planner);
      const server = createServer(runtime);
      hives.push({ server, runtime, url: `http://127.0.0.1:${await listen(server)}/graphql` });
    }
  }
  return {
    database,
    proxies,
    oursUrl: gateway.url.replace('localhost', '127.0.0.1'),
    hiveUrl: hives[0]?.url ?? null,
    hiveRustUrl: hives[1]?.url ?? null,
    jwtSecret,
    async close() {
      for (const hive of hives) {
        await new Promise((r) => hive.server.close(() => r(null)));
        await hive.runtime.dispose();
      }
      await gateway.stop();
      for (const p of proxies) await p.close();
      for (const s of services) await s.stop();
      await database.close();
    },
  };
}

async function settledCount(database: Setup['database']): Promise<number> {
  let count = database.statementCount();
  for (let stable = 0; stable < 3; ) {
    await new Promise((r) => setTimeout(r, 30));
    const now = database.statementCount();
    stable = now === count ? stable + 1 : 0;
    count = now;
  }
  return count;
}

export async function countOperation(databaseUrl: string, supergraphSdl: string, id: QueryId, audience: string, withHive: boolean): Promise<OperationCounts> {
  shared ??= setup(databaseUrl, supergraphSdl, withHive);
  const s = await shared;
  const token = await tokenFor(audience, s.jwtSecret, `count.${audience}`);
  // One row per area list (Q3): 500 incidents × 5 constraints and 5 3W rows each is over the
  // gateway's cost limit (production limits are on), and the lists' statements do not depend on it.
  const run = async (url: string, pageSize?: number) => {
    const before = await settledCount(s.database);
    const requestsBefore = s.proxies.reduce((n, p) => n + p.count(), 0);
    const answer = await postGraphQL(url, token, { query: operationOf(id).body, variables: OPERATIONS[id].variables({ pageSize, areaPageSize: 1, n: Date.now() }) });
    if (answer.status !== 200 || answer.body.errors?.length) throw new Error(`count ${id}: ${answer.text.slice(0, 300)}`);
    const statements = (await settledCount(s.database)) - before;
    return { statements, requests: s.proxies.reduce((n, p) => n + p.count(), 0) - requestsBefore };
  };
  const small = await run(s.oursUrl, 10);
  const large = PAGED[id] ? await run(s.oursUrl, 500) : undefined;
  const hive = s.hiveUrl ? await run(s.hiveUrl, 10) : undefined;
  const hiveRust = s.hiveRustUrl ? await run(s.hiveRustUrl, 10) : undefined;
  return { audience, statementsSmall: small.statements, statementsLarge: large?.statements, subgraphRequestsOurs: small.requests, subgraphRequestsHive: hive?.requests, subgraphRequestsHiveRust: hiveRust?.requests };
}

export async function closeCounting(): Promise<void> {
  if (shared) await (await shared).close();
  shared = null;
}
