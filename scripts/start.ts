// `pnpm start`: migrate, seed, start the four subgraphs and the gateway, print the URLs.
// Ctrl-C (SIGINT) or SIGTERM stops everything and closes the database.
import path from 'node:path';
import { DatabaseUnreachableError, loadSecrets, logger, migrateAll, openDatabase, PortInUseError, repoRoot } from '@peacegraph/kit';
import { hardeningFromEnv, jwtConfigFromEnv, responseCacheFromEnv, startTracing } from '@peacegraph/gateway';
import { seedAll } from './seed/seed-all';
import { startStack } from './stack';

async function main(): Promise<void> {
  const started = Date.now();
  const secrets = loadSecrets();
  if (secrets.generated) {
    console.log('Development mode: generated a gateway signing secret for this run and using the development JWT key.');
    console.log('  (Production refuses to start without GATEWAY_SIGNING_SECRET and JWT_JWKS_URL / JWT_PUBLIC_KEY.)');
  }
  const jwt = jwtConfigFromEnv();
  const database = await openDatabase({
    url: process.env.DATABASE_URL,
    dataDir: process.env.PGLITE_DATA_DIR ?? path.join(repoRoot, '.data/pglite'),
  });
  console.log(`Database: ${database.location}`);
  await migrateAll(database);
  const seed = await seedAll(database);
  for (const line of seed.lines) console.log(`  seed ${line}`);
  const hardening = hardeningFromEnv();
  const tracing = startTracing();
  // RESPONSE_CACHE=on turns on the policy-aware response cache (docs/operations.md).
  const stack = await startStack({ database, signingSecret: secrets.gatewaySigningSecret, jwt, hardening, responseCache: responseCacheFromEnv(database) });

  console.log('');
  for (const s of stack.subgraphs) console.log(`  ${s.name.padEnd(13)} ${s.url}  (signed gateway requests only)`);
  console.log(`\nPeaceGraph gateway ready at ${stack.gateway.url}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log('Tokens for the seeded demo audiences: pnpm token <mission-ops|conduct-discipline|un-agency|ngo-partner|ngo-other|donor|oversight>');
  console.log('No token = the public audience. Try:');
  console.log(`  curl -s ${stack.gateway.url} -H 'content-type: application/json' -d '{"query":"{ mission(acronym: \\"MINUSCA\\") { name status hostCountries { name } } }"}'`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    // In-flight requests get SHUTDOWN_GRACE_MS; whatever still holds the process after that is cut.
    setTimeout(() => {
      console.error('Shutdown took too long: exiting.');
      process.exit(1);
    }, hardening.shutdownGraceMs + 5_000).unref();
    await stack.stop();
    // PGlite's close can stall after a large in-memory seed; the servers are already closed.
    await Promise.race([database.close(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await tracing.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Known start-up problems are one sentence, not a stack dump.
  if (error instanceof DatabaseUnreachableError || error instanceof PortInUseError) {
    console.error(error.message);
  } else if (error instanceof Error && /required in production|must be at least|Production needs/.test(error.message)) {
    console.error(error.message);
  } else {
    // The full error (with any SQL) goes to the log only; the console gets the root cause.
    logger.error({ err: error }, 'start failed');
    console.error(`Start failed: ${rootCause(error)}`);
  }
  process.exit(1);
});

function rootCause(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  return message.split('\n')[0]!.slice(0, 300);
}
