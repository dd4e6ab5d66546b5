// `pnpm start`: prepare the database (migrations, seed), start the four subgraphs and the gateway, print the URLs.
// Ctrl-C (SIGINT) or SIGTERM stops everything and closes the database.
//
// Start-up is arranged for the first answer to come quickly on a fresh clone (docs/benchmarks.md,
// "Cold start"): only kit is loaded before work begins; the gateway starts at once in a worker
// thread (scripts/services/gateway-worker.ts: its modules, supergraph and listening socket on the
// second core) while this thread prepares the embedded database and builds the subgraphs. A new
// embedded database is a copy of the one `pnpm install` migrated and seeded (identical inputs, by
// content hash: scripts/services/seeded-cluster.ts); an existing one is migrated and topped up.
// With RESPONSE_CACHE=on the gateway reads the database, so it runs in this thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatabaseUnreachableError, flag, loadSecrets, logger, migrateAll, openDatabase, parseEnv, PortInUseError, repoRoot, SettingError, SUBGRAPH_SETTINGS, whole, type RunningService } from '@peacegraph/kit';
import { SUBGRAPH_MANIFESTS } from '../subgraphs/manifests';
import type { GatewayWorkerCommand, GatewayWorkerData, GatewayWorkerMessage } from './services/gateway-worker';
import { isNewDataDir, prepareSeededCluster, restoreSeededCluster, seedInputsKey } from './services/seeded-cluster';

interface GatewayHandle {
  url: string;
  shutdownGraceMs: number;
  stop(): Promise<void>;
}

class StartError extends Error {}

async function main(): Promise<void> {
  const secrets = loadSecrets();
  if (secrets.generated) {
    console.log('Development mode: generated a gateway signing secret for this run and using the development JWT key.');
    console.log('  (Production refuses to start without GATEWAY_SIGNING_SECRET, JWT_JWKS_URL / JWT_PUBLIC_KEY, JWT_ISSUER and JWT_AUDIENCE.)');
  }
  // The subgraphs' settings (and their <NAME>_PORT) checked before anything starts, each bad value
  // one line naming it; the gateway checks its own (gateway/src/env.ts), of which this thread
  // needs two, read the same way without loading the gateway's modules here.
  const ports = Object.fromEntries(SUBGRAPH_MANIFESTS.map((m) => [m.portVariable, whole(0, 65535)]));
  const env = parseEnv({ ...SUBGRAPH_SETTINGS, ...ports, RESPONSE_CACHE: flag, GATEWAY_PORT: whole(0, 65535) }, process.env);
  const cacheOn = env.RESPONSE_CACHE === true;
  const gatewayPort = env.GATEWAY_PORT ?? 4000;
  const worker = cacheOn ? undefined : gatewayWorker({ signingSecret: secrets.gatewaySigningSecret, port: gatewayPort });

  // The subgraph modules load while this thread prepares the database.
  const subgraphModules = import('./services/subgraphs-in-process');
  subgraphModules.catch(() => {}); // a failure surfaces where it is awaited, not as an unhandled rejection meanwhile
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const dataDir = env.DATABASE_URL ? undefined : (env.PGLITE_DATA_DIR ?? path.join(repoRoot, '.data/pglite'));
  const databaseStarted = performance.now();
  const prepared = dataDir === undefined ? undefined : await copySeededCluster(dataDir);
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir });
  if (prepared) {
    console.log(`Database: ${database.location}, a copy of the one migrated and seeded ${prepared.built ? 'just now' : `by \`pnpm install\` (${prepared.preparedAt})`} from the same migrations, seed code and data files`);
    for (const line of prepared.lines) console.log(`  seed ${line}`);
    console.log(`  (database ready in ${seconds(performance.now() - databaseStarted)} s)`);
  } else {
    console.log(`Database: ${database.location}`);
    const [{ seedAll }] = await Promise.all([import('./seed/seed-all'), migrateAll(database)]);
    const seed = await seedAll(database);
    for (const line of seed.lines) console.log(`  seed ${line}`);
    console.log(`  (migrations and seed ${seconds(performance.now() - databaseStarted)} s)`);
  }
  const { startSubgraphs } = await subgraphModules;

  let subgraphs: RunningService[] = [];
  let gateway: GatewayHandle;
  let tracing = { shutdown: async () => {} };
  try {
    subgraphs = await startSubgraphs({ database, signingSecret: secrets.gatewaySigningSecret });
    if (worker) {
      gateway = await worker.start(Object.fromEntries(subgraphs.map((s) => [s.name, s.url])));
    } else {
      const { hardeningFromEnv, jwtConfigFromEnv, responseCacheFromEnv, startGateway, startTracing, supergraphSdlFromEnv } = await import('@peacegraph/gateway');
      const hardening = hardeningFromEnv();
      const jwt = jwtConfigFromEnv();
      const { devTokenIssuer } = await import('./token');
      tracing = startTracing();
      // RESPONSE_CACHE=on turns on the policy-aware response cache (docs/operations.md).
      const inProcess = await startGateway({
        ...hardening,
        responseCache: responseCacheFromEnv(database),
        supergraphSdl: supergraphSdlFromEnv(),
        subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
        signingSecret: secrets.gatewaySigningSecret,
        jwt,
        ...(jwt.kind === 'hs256' ? { devTokens: devTokenIssuer(jwt.secret) } : {}),
        port: gatewayPort,
      });
      gateway = { url: inProcess.url, shutdownGraceMs: hardening.shutdownGraceMs, stop: () => inProcess.stop() };
    }
  } catch (error) {
    for (const s of subgraphs) await s.stop().catch(() => {});
    throw error;
  }

  console.log('');
  for (const s of subgraphs) console.log(`  ${s.name.padEnd(13)} ${s.url}  (signed gateway requests only)`);
  // Counted from the process's start, module loading included.
  console.log(`\nPeaceGraph gateway ready at ${gateway.url}  (${seconds(performance.now())} s)`);
  console.log(`Dashboard at ${gateway.url.replace(/\/graphql$/, '/dashboard/')}${env.NODE_ENV === 'production' ? '' : `   Explorer (offline) at ${gateway.url}`}`);
  // `-s`: without it pnpm's banner ends up in TOKEN=$(…); without pnpm, `npx token` is npm's own command.
  console.log('Tokens for the seeded demo audiences: npx --yes pnpm@10 -s token <audience>   (--help lists them)');
  console.log('No token = the public audience. Try:');
  console.log(`  curl -s ${gateway.url} -H 'content-type: application/json' -d '{"query":"{ mission(acronym: \\"MINUSCA\\") { name status hostCountries { name } } }"}'`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    // In-flight requests get SHUTDOWN_GRACE_MS; whatever still holds the process after that is cut.
    setTimeout(() => {
      console.error('Shutdown took too long: exiting.');
      process.exit(1);
    }, gateway.shutdownGraceMs + 5_000).unref();
    await gateway.stop();
    for (const s of subgraphs) await s.stop();
    // PGlite's close can stall after a large in-memory seed; the servers are already closed.
    await Promise.race([database.close(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await tracing.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * A new embedded database starts as a copy of the one migrated and seeded at install
 * (scripts/services/seeded-cluster.ts); when its inputs changed since, that one is made again
 * first (for this start and the next). Undefined: migrate and seed `dataDir` itself, as for an
 * existing database (kept between starts, topped up) or where no copy can be made.
 */
async function copySeededCluster(dataDir: string): Promise<{ lines: string[]; preparedAt: string; built: boolean } | undefined> {
  if (!isNewDataDir(dataDir)) return undefined;
  try {
    const key = seedInputsKey();
    const restored = restoreSeededCluster(dataDir, { key });
    if (restored) return { ...restored, built: false };
    console.log('The migrations, seed or data changed since the embedded database was prepared: migrating and seeding a new one (kept for the next fresh start)…');
    await prepareSeededCluster({ key });
    const built = restoreSeededCluster(dataDir, { key });
    return built && { ...built, built: true };
  } catch (error) {
    console.warn(`No prepared copy of the database (${(error as Error).message.split('\n')[0]}): migrating and seeding it directly.`);
    return undefined;
  }
}

/**
 * The gateway's worker thread: it loads at once; `start` makes it listen (resolving once it
 * does). A configuration error it reports before that ends start-up straight away.
 */
function gatewayWorker(data: GatewayWorkerData): { start(subgraphUrls: Record<string, string>): Promise<GatewayHandle> } {
  // From the built JavaScript (dist/scripts/start.js) the worker is dist/scripts/services/gateway-worker.js.
  // Run through tsx (tests, `pnpm dev`) it is the TypeScript file, and the worker registers tsx
  // itself (tsx's --import hooks do not reach worker threads).
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./services/gateway-worker.ts', import.meta.url).href)}); })`,
        { eval: true, workerData: data },
      )
    : new Worker(new URL('./services/gateway-worker.js', import.meta.url), { workerData: data });
  const send = (command: GatewayWorkerCommand) => worker.postMessage(command);
  let pending: { resolve(handle: GatewayHandle): void; reject(error: Error): void } | undefined;
  let ready = false;
  const failed = (error: Error) => {
    if (pending) return pending.reject(error);
    // Before start() (during the seed) or after ready: nothing can answer, stop the whole process.
    reportAndExit(error);
  };
  worker.on('error', failed);
  worker.on('exit', (code) => {
    if (!ready || pending) failed(new StartError(`The gateway worker exited (${code}) before it was ready.`));
  });
  worker.on('message', (message: GatewayWorkerMessage) => {
    if (message.type === 'error') {
      // Known kinds keep their class, so reportAndExit prints them as the one line(s) they are.
      const Kind = message.name === 'PortInUseError' ? PortInUseError : message.name === 'SettingError' ? SettingError : Error;
      const error = new Kind(message.message);
      error.stack = message.stack;
      return failed(error);
    }
    if (message.type !== 'ready' || !pending) return;
    ready = true;
    const { resolve } = pending;
    pending = undefined;
    resolve({
      url: message.url,
      shutdownGraceMs: message.shutdownGraceMs,
      stop: () =>
        new Promise<void>((done) => {
          worker.removeAllListeners('exit');
          worker.on('message', (m: GatewayWorkerMessage) => m.type === 'stopped' && void worker.terminate().then(() => done()));
          worker.once('exit', () => done());
          send('stop');
        }),
    });
  });
  return {
    start(subgraphUrls) {
      return new Promise<GatewayHandle>((resolve, reject) => {
        pending = { resolve, reject };
        send({ type: 'start', subgraphUrls });
      });
    },
  };
}

main().catch(reportAndExit);

function reportAndExit(error: unknown): never {
  // Known start-up problems are one sentence, not a stack dump.
  if (error instanceof DatabaseUnreachableError || error instanceof PortInUseError || error instanceof StartError || error instanceof SettingError) {
    console.error(error.message);
  } else {
    // The full error (with any SQL) goes to the log only; the console gets the root cause.
    logger.error({ err: error }, 'start failed');
    console.error(`Start failed: ${rootCause(error)}`);
  }
  process.exit(1);
}

function rootCause(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.split('\n')[0]!.slice(0, 300);
}
