import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  closeGracefully,
  executeParsedGraphQL,
  HttpError,
  languageTag,
  listen,
  negotiateLanguage,
  logger,
  readBody,
  sendError,
  sendJson,
  type Database,
  type Identity,
  type RunningService,
  TypedLiteralFieldsRule,
  withTypedScalars,
} from '@peacegraph/kit';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { AuthenticationError, createAuthenticator, type JwtVerifierConfig } from './auth';
import type { HardeningOptions } from './config';
import { corsHandler, upgradeOriginCheck } from './cors';
import { gatewayEnv } from './env';
import { relayExport } from './exports';
import { withExplainAccess } from './explain/with-explain';
import { documentErrorsPlugin } from './document-errors';
import { DEFAULT_LIMITS, armorProtection, costLimitPlugin } from './limits';
import { databaseOutageStatus, gatewayErrorFormatter, gatewayErrorReporting, introspectionGate } from './masking';
import { requestLogPlugin } from './observability';
import { prepareOperationRequest, RequestRejection } from './operation-request';
import { loadManifest, OperationRegistry, type PersistedOperationManifest } from './persisted-operations';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateDecision } from './rate-limit';
import type { GatewayContext } from './context';
import { SignedDataSource } from './signed-data-source';
import { singleFetchPassThrough } from './single-fetch';
import { compiledResultShaping } from './result-shaping';
import { responseCachePlugin, type CacheableRequest, type ResponseCacheOptions } from './response-cache';
import { SSE_PATH, SubscriptionService, type SubscriptionLimits } from './subscriptions/subscription-service';
import { webRoutes, type DevTokenIssuer } from './web';

// The gateway must never phone home (brief: @apollo/gateway ≥ 2.14 sends telemetry otherwise).
process.env.APOLLO_TELEMETRY_DISABLED = '1';

export interface GatewayOptions extends Partial<HardeningOptions> {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the URLs baked into the supergraph at composition. */
  subgraphUrls: Record<string, string>;
  signingSecret: string;
  jwt: JwtVerifierConfig;
  port: number;
  host?: string;
  /** The trusted operations; default: schema/persisted-operations.json. */
  persistedOperations?: PersistedOperationManifest;
  /** Prefix for this gateway's rate counters in Redis (tests isolate themselves with it). */
  redisKeyPrefix?: string;
  /** Policy-aware response cache for queries (response-cache.ts); off when absent. */
  responseCache?: ResponseCacheOptions;
  /** Subscriptions (docs/subscriptions.md): the database whose outboxes feed them; off when absent. */
  subscriptions?: { database: Database; limits?: Partial<SubscriptionLimits> };
  /** Demo tokens for the dashboard's audience switcher; served in development only. */
  devTokens?: DevTokenIssuer;
  /** The built dashboard served under /dashboard/ (default dashboard/dist). */
  dashboardDir?: string;
  /**
   * Our result-shaping shortcuts (single-fetch.ts, result-shaping.ts); default on. `false` only to
   * compare against @apollo/gateway's own shaping; `onSingleFetchDecision` hears each plan's (tests).
   */
  shapingShortcuts?: false | { onSingleFetchDecision(operationName: string | null, passes: boolean): void };
}

export interface RunningGateway extends RunningService {
  /** Stop accepting, finish in-flight requests within the grace period, release Redis. */
  stop(): Promise<void>;
  subscriptions: SubscriptionService | null;
}

/**
 * The gateway. Omitted hardening options take their secure value (limits on, production per
 * NODE_ENV); rate limiting is on only when configured (see config.ts for the environment).
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = logger.child({ service: 'gateway' });
  const production = options.production ?? gatewayEnv().NODE_ENV === 'production';
  const limits = options.limits === undefined ? DEFAULT_LIMITS : options.limits;
  const rateLimit = options.rateLimit === undefined ? (production ? DEFAULT_RATE_LIMIT : false) : options.rateLimit;
  const trustedOperationsOnly = options.trustedOperationsOnly ?? false;
  const introspectionRoles = options.introspectionRoles ?? ['schema-reader'];
  const maxBodyBytes = options.maxBodyBytes ?? 100_000;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const registry = new OperationRegistry(options.persistedOperations ?? loadManifest());
  const limiter = rateLimit
    ? new RateLimiter(rateLimit, { redisUrl: options.redisUrl, keyPrefix: options.redisKeyPrefix, onStoreError: (err) => log.warn({ err }, 'rate-limit counters unavailable: allowing') })
    : null;

  const authenticate = await createAuthenticator(options.jwt);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(name, options.subgraphUrls[name] ?? url!, options.signingSecret, options.subgraphTimeoutsMs?.[name] ?? timeoutMs),
    ...(options.shapingShortcuts === false
      ? {}
      : { singleFetchPassThrough: singleFetchPassThrough(options.shapingShortcuts?.onSingleFetchDecision), shapeResult: compiledResultShaping() }),
  });
  const subscriptions = options.subscriptions
    ? new SubscriptionService({
        database: options.subscriptions.database,
        subscriptionLimits: options.subscriptions.limits,
        authenticate,
        limits,
        registry,
        trustedOperationsOnly,
        clientAddress: (req) => clientAddress(req, options.trustProxyHops ?? 0),
        // Each event's selection runs the ordinary query path as the subscriber: limits, plan, signed fetches.
        // In the subscriber's negotiated language: one resolution serves the subscribers of a scope and language.
        execute: async (query, variables, identity, language) => {
          const response = await server.executeOperation(
            { query, variables },
            { contextValue: { requestId: randomUUID(), identity, language, startedAt: Date.now(), subgraphTimings: [], auditFacts: [] } },
          );
          return response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'Incremental delivery is not supported here.' }] };
        },
      })
    : null;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => withTypedScalars(apiSchema));
  if (subscriptions) gateway.onSchemaLoadOrUpdate(({ apiSchema }) => subscriptions.setApiSchema(apiSchema));
  const armor = limits ? armorProtection(limits) : { validationRules: [] };
  const plugins: ApolloServerPlugin<GatewayContext>[] = [requestLogPlugin(log), gatewayErrorReporting(log), documentErrorsPlugin(), databaseOutageStatus()];
  if (limits) plugins.push(costLimitPlugin(limits));
  const responseCache = options.responseCache ? responseCachePlugin({ subgraphs: Object.keys(options.subgraphUrls), ...options.responseCache }) : null;
  if (responseCache) plugins.push(responseCache);
  // Apollo's landing page loads its explorer from a CDN: never served. Development gets an
  // offline explorer from web.ts instead; production none.
  plugins.push(ApolloServerPluginLandingPageDisabled());
  if (production) plugins.push(introspectionGate(introspectionRoles));
  const cors = corsHandler(options.corsOrigins ?? []);
  const web = webRoutes({ production, devTokens: options.devTokens, dashboardDir: options.dashboardDir });
  const server = new ApolloServer<GatewayContext>({
    gateway: withExplainAccess(gateway, { supergraphSdl: options.supergraphSdl, subgraphUrls: options.subgraphUrls, signingSecret: options.signingSecret, timeoutMs }),
    csrfPrevention: true,
    // We stop on SIGINT/SIGTERM ourselves (drain, close the pool, exit 0); Apollo's own handlers
    // would race ours and re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?" in production: suggestions map the schema for an attacker.
    hideSchemaDetailsFromClientErrors: production,
    // In production the gate above admits only `introspectionRoles`.
    introspection: true,
    // Trusted-only: no APQ cache either, so nothing outside the manifest can be registered.
    persistedQueries: trustedOperationsOnly ? false : undefined,
    // TypedLiteralFieldsRule: a refused Date/CountryCode/… literal is BAD_USER_INPUT naming its field.
    validationRules: [...armor.validationRules, TypedLiteralFieldsRule],
    formatError: gatewayErrorFormatter(),
    plugins,
  });
  await server.start();
  await subscriptions?.start();

  let draining = false;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = Date.now();
    const path = (req.url ?? '/').split('?')[0];
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/readyz') return await readiness(options.subgraphUrls, draining, res);
      // Before anything else on the browser-callable paths: a preflight carries no token or body.
      if (cors(req, res, path ?? '/')) return;
      if (path?.startsWith('/export/')) {
        await limitAddress(req);
        const caller = await authenticateOr401(req);
        await limitOrganization(caller);
        return await relayExport(req, res, caller, options.subgraphUrls, options.signingSecret, timeoutMs);
      }
      if (subscriptions && path === SSE_PATH) {
        await limitAddress(req);
        return await subscriptions.handleSse(req, res);
      }
      if (await web(req, res, path ?? '/')) return;
      if (path !== '/graphql') throw new HttpError(404, 'Not found. GraphQL is served at /graphql.', 'NOT_FOUND');
      await graphqlRequest(req, res, requestId, startedAt);
    } catch (error) {
      if (error instanceof HttpError) {
        // Refused before GraphQL ran (413, 415, 429, 401 …): one log line, like an operation's.
        log.info({ requestId, status: error.status, code: error.code, durationMs: Date.now() - startedAt }, 'request refused');
      }
      if (error instanceof RequestRejection) return sendError(res, error, { ...error.extensions, requestId });
      if (error instanceof HttpError) return sendError(res, error, { requestId });
      log.error({ err: error, requestId }, 'request failed');
      sendError(res, new HttpError(500, 'Internal server error.', 'INTERNAL_SERVER_ERROR'), { requestId });
    }
  };

  /**
   * A request to /graphql before Apollo Server, step by step in this order. A step refuses by
   * throwing (the handler writes the HttpError or RequestRejection, with the request id); the
   * response cache may answer instead of Apollo Server.
   */
  async function graphqlRequest(req: IncomingMessage, res: ServerResponse, requestId: string, startedAt: number): Promise<void> {
    // 1. A stopping gateway takes nothing new (503, retry).
    if (draining) throw new HttpError(503, 'The gateway is shutting down; retry.', 'SERVICE_UNAVAILABLE', { connection: 'close', 'retry-after': '1' });
    // 2. Requests per client address (429).
    await limitAddress(req);
    // 3. The body, within its size limit (413).
    const body = await readBody(req, maxBodyBytes);
    // 4. Who is asking: a verified JWT (401 otherwise); no token is the public.
    const identity = await authenticateOr401(req);
    // 5. Requests per organisation (429).
    await limitOrganization(identity);
    // 6. The operation: persisted-operation lookup, the trusted-operations rule, operation limits (400).
    const parsed = prepareOperationRequest(req, body, { registry, trustedOperationsOnly, limits });
    // 7. The language names are served in (a field's `language:` argument overrides it); caches keep answers apart by it.
    const language = negotiateLanguage(req.headers['accept-language']);
    res.setHeader('content-language', languageTag(language));
    res.appendHeader('vary', 'Accept-Language');
    // 8. A stored answer for this caller's policy scope and language is written as stored: Apollo Server would rebuild it.
    const cached = responseCache && parsed.body ? await responseCache.answerFromCache(parsed.body as CacheableRequest, identity, language, req.headers.accept) : null;
    if (cached) {
      res.writeHead(200, { ...cached.headers, 'content-length': Buffer.byteLength(cached.answer) }).end(cached.answer);
      const operationName = (parsed.body as CacheableRequest).operationName;
      log.info({ requestId, organization: identity.organizationId, operationName: typeof operationName === 'string' ? operationName : null, status: 200, durationMs: Date.now() - startedAt, cache: 'HIT' }, 'graphql operation');
      return;
    }
    // 9. Apollo Server: validation, armor and cost limits, the query plan, signed subgraph fetches.
    await executeParsedGraphQL(server, req, res, parsed, async () => ({ requestId, identity, language, startedAt, subgraphTimings: [], auditFacts: [] }));
  }

  async function limitAddress(req: IncomingMessage): Promise<void> {
    if (limiter) refuseIfLimited(await limiter.checkIp(clientAddress(req, options.trustProxyHops ?? 0)));
  }

  async function limitOrganization(identity: Identity): Promise<void> {
    if (limiter && identity.organizationId) refuseIfLimited(await limiter.checkOrganization(identity.organizationId));
  }

  async function authenticateOr401(req: IncomingMessage): Promise<Identity> {
    try {
      return await authenticate(req.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw new HttpError(401, error.message, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer error="invalid_token"' });
      }
      throw error;
    }
  }

  const http = createServer((req, res) => void handle(req, res));
  subscriptions?.attachWebSocket(http, upgradeOriginCheck(options.corsOrigins ?? []));
  const host = options.host ?? gatewayEnv().GATEWAY_HOST ?? '0.0.0.0';
  const port = await listen(http, options.port, host, 'gateway', 'GATEWAY_PORT');
  return {
    name: 'gateway',
    port,
    url: `http://localhost:${port}/graphql`,
    subscriptions,
    async stop() {
      draining = true;
      await subscriptions?.stop();
      await closeGracefully(http, options.shutdownGraceMs ?? 10_000);
      await server.stop();
      await limiter?.close();
    },
  };
}

function refuseIfLimited(decision: RateDecision): void {
  if (decision.allowed) return;
  throw new RequestRejection(
    429,
    `Rate limit of ${decision.limit} requests per window for this ${decision.scope === 'ip' ? 'client address' : 'organisation'} exceeded; retry in ${decision.retryAfterSeconds} s.`,
    'RATE_LIMITED',
    { limit: decision.scope === 'ip' ? 'perIp' : 'perOrganization', max: decision.limit, retryAfterSeconds: decision.retryAfterSeconds },
    { 'retry-after': String(decision.retryAfterSeconds) },
  );
}

/**
 * The caller's address: the socket's, or — behind `hops` proxies that each append to
 * X-Forwarded-For — the entry the outermost trusted proxy saw (client-written entries to its
 * left are ignored, so a caller cannot pick its own counter).
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (hops <= 0) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - hops] ?? socket;
}

/** Ready when every subgraph says it is (each of those checks its database), and not draining. */
async function readiness(subgraphUrls: Record<string, string>, draining: boolean, res: ServerResponse): Promise<void> {
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
  const ok = !draining && checks.every(([, state]) => state === 'up');
  sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : draining ? 'draining' : 'unavailable', subgraphs: Object.fromEntries(checks) });
}
