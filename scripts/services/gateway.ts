// The gateway as its own process, configured only by environment (docs/operations.md lists
// every variable): secrets and JWT keys, subgraph URLs (<NAME>_URL), limits, rate limiting
// (REDIS_URL shares counters between replicas), trusted operations, tracing.
import { readFileSync } from 'node:fs';
import { loadSecrets, logger } from '@peacegraph/kit';
import { hardeningFromEnv, jwtConfigFromEnv, startGateway, startTracing } from '@peacegraph/gateway';
import { SUPERGRAPH_PATH } from '../compose';
import { SUBGRAPHS, portOf } from '../subgraphs';
import { runService } from './run-service';

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
    SUBGRAPHS.map((s) => [s.name, process.env[`${s.name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${portOf(s)}/graphql`]),
  );
  const gateway = await startGateway({
    ...hardeningFromEnv(),
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls,
    signingSecret: secrets.gatewaySigningSecret,
    jwt,
    port: Number(process.env.GATEWAY_PORT ?? 4000),
  });
  logger.info({ url: gateway.url, production, tracing: tracing.enabled }, 'gateway listening');
  return {
    async stop() {
      await gateway.stop();
      await tracing.shutdown();
    },
  };
});
