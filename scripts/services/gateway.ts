// The gateway as its own process, configured only by environment (docs/operations.md lists
// every variable): secrets and JWT keys, subgraph URLs (<NAME>_URL), limits, rate limiting
// (REDIS_URL shares counters between replicas), trusted operations, tracing.
import { loadSecrets, logger, openDatabase } from '@peacegraph/kit';
import {
  gatewayEnv,
  hardeningFromEnv,
  jwtConfigFromEnv,
  responseCacheFromEnv,
  startGateway,
  startTracing,
  subgraphUrlsFromEnv,
  subscriptionLimitsFromEnv,
  supergraphSdlFromEnv,
} from '@peacegraph/gateway';
import { SUBGRAPH_MANIFESTS } from '../../subgraphs/manifests';
import { runService } from './run-service';

await runService(async () => {
  // Every variable checked before anything starts: a bad one is one line naming it (env.ts).
  const env = gatewayEnv();
  const production = env.NODE_ENV === 'production';
  const signingSecretGiven = Boolean(env.GATEWAY_SIGNING_SECRET);
  // Production refuses to start without its secrets (loadSecrets and jwtConfigFromEnv throw).
  const secrets = loadSecrets();
  if (!signingSecretGiven) {
    // A generated signing secret cannot match separately started subgraphs: say so plainly.
    logger.warn('GATEWAY_SIGNING_SECRET is not set: generated one, which subgraphs in other processes will not know.');
  }
  const jwt = jwtConfigFromEnv();
  const tracing = startTracing();
  // The manifests' names and default addresses, not the subgraphs' code (never loaded here):
  // the process starts in a second, not in twenty.
  const subgraphUrls = subgraphUrlsFromEnv(SUBGRAPH_MANIFESTS);
  // The response cache keys answers by the caller's agreements, so it reads them (DATABASE_URL).
  const cacheDatabase = env.RESPONSE_CACHE && env.DATABASE_URL ? await openDatabase({ url: env.DATABASE_URL, maxConnections: 2 }) : undefined;
  // Subscriptions LISTEN to the subgraphs' outboxes and replay from them: a connection of their own.
  const eventsDatabase = env.DATABASE_URL && env.SUBSCRIPTIONS !== false ? await openDatabase({ url: env.DATABASE_URL, maxConnections: 4 }) : undefined;
  const gateway = await startGateway({
    ...(eventsDatabase ? { subscriptions: { database: eventsDatabase, limits: subscriptionLimitsFromEnv() } } : {}),
    ...hardeningFromEnv(),
    responseCache: responseCacheFromEnv(cacheDatabase),
    supergraphSdl: supergraphSdlFromEnv(),
    subgraphUrls,
    signingSecret: secrets.gatewaySigningSecret,
    jwt,
    port: env.GATEWAY_PORT ?? 4000,
  });
  logger.info({ url: gateway.url, production, tracing: tracing.enabled }, 'gateway listening');
  return {
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? 10_000,
    async stop() {
      await gateway.stop();
      await cacheDatabase?.close();
      await eventsDatabase?.close();
      await tracing.shutdown();
    },
  };
});
