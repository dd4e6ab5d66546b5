import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@peacegraph/kit';
import { extraSetting, gatewayEnv } from './env';
import { DEFAULT_LIMITS, type OperationLimits } from './limits';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './rate-limit';

/**
 * The gateway's hardening settings, read from the environment only through env.ts's schema
 * (docs/operations.md lists every variable). `pnpm start` and `scripts/services/gateway.ts`
 * use this; tests pass options.
 */
export interface HardeningOptions {
  /** NODE_ENV=production: no introspection (except `introspectionRoles`), no suggestions, no landing page. */
  production: boolean;
  /** Operation limits; `false` turns them all off (trusted internal callers only). */
  limits: OperationLimits | false;
  /** Rate limiting; `false` = off. */
  rateLimit: RateLimitConfig | false;
  /** Counters in Redis when set (shared by replicas), in memory otherwise. */
  redisUrl?: string;
  /** Refuse every operation that is not in the persisted-operations manifest. */
  trustedOperationsOnly: boolean;
  /** Roles that may introspect in production. */
  introspectionRoles: string[];
  /** Load balancers in front that append to X-Forwarded-For (0 = use the socket address). */
  trustProxyHops: number;
  maxBodyBytes: number;
  subgraphTimeoutMs: number;
  /** Per-subgraph overrides of `subgraphTimeoutMs`, by subgraph name (`FINANCE_TIMEOUT_MS` → finance). */
  subgraphTimeoutsMs: Record<string, number>;
  /** How long SIGTERM waits for in-flight requests. */
  shutdownGraceMs: number;
  /** Browser origins allowed to call /graphql, the SSE path and /export/* (cors.ts); none = same-origin only. */
  corsOrigins: string[];
}

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationLimits | false {
  const e = gatewayEnv(env);
  if (e.GATEWAY_LIMITS === false) return false;
  return {
    maxDepth: e.GATEWAY_MAX_DEPTH ?? DEFAULT_LIMITS.maxDepth,
    maxAliases: e.GATEWAY_MAX_ALIASES ?? DEFAULT_LIMITS.maxAliases,
    maxDirectives: e.GATEWAY_MAX_DIRECTIVES ?? DEFAULT_LIMITS.maxDirectives,
    maxTokens: e.GATEWAY_MAX_TOKENS ?? DEFAULT_LIMITS.maxTokens,
    maxCost: e.GATEWAY_MAX_COST ?? DEFAULT_LIMITS.maxCost,
    maxPageSize: e.GATEWAY_MAX_PAGE_SIZE ?? DEFAULT_LIMITS.maxPageSize,
  };
}

/** Rate limiting is on in production (defaults below) and in development only when a limit is set. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig | false {
  const e = gatewayEnv(env);
  const production = e.NODE_ENV === 'production';
  const configured = e.RATE_LIMIT_PER_IP !== undefined || e.RATE_LIMIT_PER_ORGANIZATION !== undefined;
  if (e.RATE_LIMIT === false || (!production && !configured)) return false;
  return {
    perIp: e.RATE_LIMIT_PER_IP ?? DEFAULT_RATE_LIMIT.perIp,
    perOrganization: e.RATE_LIMIT_PER_ORGANIZATION ?? DEFAULT_RATE_LIMIT.perOrganization,
    windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS ?? DEFAULT_RATE_LIMIT.windowSeconds,
  };
}

export function hardeningFromEnv(env: NodeJS.ProcessEnv = process.env): HardeningOptions {
  const e = gatewayEnv(env);
  return {
    production: e.NODE_ENV === 'production',
    limits: limitsFromEnv(env),
    rateLimit: rateLimitFromEnv(env),
    redisUrl: e.REDIS_URL,
    trustedOperationsOnly: e.TRUSTED_OPERATIONS_ONLY ?? false,
    introspectionRoles: e.INTROSPECTION_ROLES ?? ['schema-reader'],
    trustProxyHops: e.TRUST_PROXY_HOPS ?? 0,
    maxBodyBytes: e.GATEWAY_MAX_BODY_BYTES ?? 100_000,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS ?? 10_000,
    subgraphTimeoutsMs: { ...e.subgraphTimeoutsMs },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? 10_000,
    corsOrigins: e.CORS_ORIGINS ?? [],
  };
}

/**
 * Where each subgraph is: `<NAME>_URL`, else loopback on `<NAME>_PORT` (or its default port),
 * each checked like the variables in env.ts.
 */
export function subgraphUrlsFromEnv(subgraphs: readonly { name: string; portVariable: string; defaultPort: number }[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    subgraphs.map(({ name, portVariable, defaultPort }) => [
      name,
      extraSetting(env, `${name.toUpperCase()}_URL`, 'url') ?? `http://127.0.0.1:${extraSetting(env, portVariable, 'port') ?? defaultPort}/graphql`,
    ]),
  );
}

/** The committed supergraph, or the file SUPERGRAPH_PATH names. */
export function supergraphSdlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return readFileSync(gatewayEnv(env).SUPERGRAPH_PATH ?? path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8');
}
