import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  clientSafeError,
  executeGraphQL,
  HttpError,
  listen,
  logger,
  readBody,
  sendError,
  sendJson,
  withRequestId,
  type RunningService,
} from '@peacegraph/kit';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { AuthenticationError, createAuthenticator, type JwtVerifierConfig } from './auth';
import { SignedDataSource, type GatewayContext } from './signed-data-source';

// The gateway must never phone home (brief: @apollo/gateway ≥ 2.14 sends telemetry otherwise).
process.env.APOLLO_TELEMETRY_DISABLED = '1';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the URLs baked into the supergraph at composition. */
  subgraphUrls: Record<string, string>;
  signingSecret: string;
  jwt: JwtVerifierConfig;
  port: number;
  host?: string;
  subgraphTimeoutMs?: number;
  maxBodyBytes?: number;
}

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const log = logger.child({ service: 'gateway' });
  const production = process.env.NODE_ENV === 'production';
  const authenticate = await createAuthenticator(options.jwt);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(options.subgraphUrls[name] ?? url!, options.signingSecret, options.subgraphTimeoutMs ?? 10_000),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    formatError: clientSafeError(log),
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await server.start();

  const http = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/readyz') return await readiness(options.subgraphUrls, res);
      if (path !== '/graphql') throw new HttpError(404, 'Not found. GraphQL is served at /graphql.', 'NOT_FOUND');
      const body = await readBody(req, options.maxBodyBytes ?? 100_000);
      let identity;
      try {
        identity = await authenticate(req.headers.authorization);
      } catch (error) {
        if (error instanceof AuthenticationError) {
          throw new HttpError(401, error.message, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer error="invalid_token"' });
        }
        throw error;
      }
      await withRequestId(requestId, () => executeGraphQL(server, req, res, body, async () => ({ requestId, identity })));
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error, { requestId });
      log.error({ err: error, requestId }, 'request failed');
      sendError(res, new HttpError(500, 'Internal server error.', 'INTERNAL_SERVER_ERROR'), { requestId });
    }
  });
  const host = options.host ?? process.env.GATEWAY_HOST ?? '0.0.0.0';
  const port = await listen(http, options.port, host, 'gateway', 'GATEWAY_PORT');
  return {
    name: 'gateway',
    port,
    url: `http://localhost:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.stop();
    },
  };
}

/** Ready when every subgraph says it is (each of those checks its database). */
async function readiness(subgraphUrls: Record<string, string>, res: import('node:http').ServerResponse): Promise<void> {
  const checks = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(3000) });
        return [name, response.ok ? 'up' : 'down'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  const ok = checks.every(([, state]) => state === 'up');
  sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
}
