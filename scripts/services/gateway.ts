// The gateway as its own process, configured only by environment (docs/operations.md lists
// every variable): secrets and JWT keys, subgraph URLs (<NAME>_URL), limits, rate limiting
// (REDIS_URL shares counters between replicas), trusted operations, tracing.
import { intSetting, loadSecrets, logger, openDatabase } from '@peacegraph/kit';
import { hardeningFromEnv, subscriptionLimitsFromEnv, jwtConfigFromEnv, responseCacheFromEnv, startGateway, startTracing, supergraphSdlFromEnv } from '@peacegraph/gateway';
import { runService } from './run-service';

// The gateway needs only the subgraphs' names and default addresses, not their code (which
// scripts/subgraphs.ts loads): the process starts in a second, not in twenty.
const SUBGRAPH_DEFAULTS: [name: string, portVariable: string, defaultPort: number][] = [
  ['missions', 'MISSIONS_PORT', 4001],
  ['incidents', 'INCIDENTS_PORT', 4002],
  ['humanitarian', 'HUMANITARIAN_PORT', 4003],
  ['finance', 'FINANCE_PORT', 4004],
];

await runService(async () => {
  const production = process.env.NODE_ENV === 'production';
  const signingSecretGiven = Boolean(process.env.GATEWAY_SIGNING_SECRET);
  // Production refuses to start without its secrets (loadSecrets and jwtConfigFromEnv throw).
  const secrets = loadSecrets();
  if (!signingSecretGiven) {
    // A generated signing secret cannot match separately started subgraphs: say so plainly.
    logger.warn('GATEWAY_SIGNING_SECRET is not set: generated one, which subgraphs in other processes will not know.');
  }
  const jwt = jwtConfigFromEnv();
  const tracing = startTracing();
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_DEFAULTS.map(([name, portVariable, port]) => [
      name,
      process.env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${process.env[portVariable] ?? port}/graphql`,
    ]),
  );
  // The response cache keys answers by the caller's agreements, so it reads them (DATABASE_URL).
  const cacheDatabase = process.env.RESPONSE_CACHE && process.env.DATABASE_URL ? await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 2 }) : undefined;
  // Subscriptions LISTEN to the subgraphs' outboxes and replay from them: a connection of their own.
  const eventsDatabase = process.env.DATABASE_URL && process.env.SUBSCRIPTIONS !== 'off' ? await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 4 }) : undefined;
  const gateway = await startGateway({
    ...(eventsDatabase ? { subscriptions: { database: eventsDatabase, limits: subscriptionLimitsFromEnv() } } : {}),
    ...hardeningFromEnv(),
    responseCache: responseCacheFromEnv(cacheDatabase),
    supergraphSdl: supergraphSdlFromEnv(),
    subgraphUrls,
    signingSecret: secrets.gatewaySigningSecret,
    jwt,
    port: intSetting('GATEWAY_PORT', 4000, { max: 65535 }),
  });
  logger.info({ url: gateway.url, production, tracing: tracing.enabled }, 'gateway listening');
  return {
    async stop() {
      await gateway.stop();
      await cacheDatabase?.close();
      await eventsDatabase?.close();
      await tracing.shutdown();
    },
  };
});
