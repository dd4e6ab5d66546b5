import { readFileSync } from 'node:fs';
import path from 'node:path';
import { intSetting, repoRoot } from '@peacegraph/kit';
import { DEFAULT_LIMITS, type OperationLimits } from './limits';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './rate-limit';

/**
 * The gateway's hardening settings, read from the environment only (docs/operations.md lists
 * every variable). `pnpm start` and `scripts/services/gateway.ts` use this; tests pass options.
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
}

/** A whole number ≥ 0 (kit's validated reader: a bad value stops start-up naming the variable). */
function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  return intSetting(name, fallback, { min }, env);
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationLimits | false {
  if (flag(env, 'GATEWAY_LIMITS') === false) return false;
  return {
    maxDepth: int(env, 'GATEWAY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth, 1),
    maxAliases: int(env, 'GATEWAY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxDirectives: int(env, 'GATEWAY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
    maxTokens: int(env, 'GATEWAY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens, 1),
    maxCost: int(env, 'GATEWAY_MAX_COST', DEFAULT_LIMITS.maxCost, 1),
    maxPageSize: intSetting('GATEWAY_MAX_PAGE_SIZE', DEFAULT_LIMITS.maxPageSize, { min: 1, max: DEFAULT_LIMITS.maxPageSize }, env),
  };
}

/** Rate limiting is on in production (defaults below) and in development only when a limit is set. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig | false {
  const production = env.NODE_ENV === 'production';
  const configured = ['RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_ORGANIZATION'].some((n) => env[n]);
  if (flag(env, 'RATE_LIMIT') === false || (!production && !configured)) return false;
  return {
    perIp: int(env, 'RATE_LIMIT_PER_IP', DEFAULT_RATE_LIMIT.perIp, 1),
    perOrganization: int(env, 'RATE_LIMIT_PER_ORGANIZATION', DEFAULT_RATE_LIMIT.perOrganization, 1),
    windowSeconds: int(env, 'RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMIT.windowSeconds, 1),
  };
}

export function hardeningFromEnv(env: NodeJS.ProcessEnv = process.env): HardeningOptions {
  return {
    production: env.NODE_ENV === 'production',
    limits: limitsFromEnv(env),
    rateLimit: rateLimitFromEnv(env),
    redisUrl: env.REDIS_URL || undefined,
    trustedOperationsOnly: flag(env, 'TRUSTED_OPERATIONS_ONLY') ?? false,
    introspectionRoles: (env.INTROSPECTION_ROLES ?? 'schema-reader').split(',').map((r) => r.trim()).filter(Boolean),
    trustProxyHops: int(env, 'TRUST_PROXY_HOPS', 0),
    maxBodyBytes: int(env, 'GATEWAY_MAX_BODY_BYTES', 100_000, 1),
    subgraphTimeoutMs: int(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 1),
    subgraphTimeoutsMs: Object.fromEntries(
      Object.keys(env)
        .filter((name) => /^[A-Z]+_TIMEOUT_MS$/.test(name) && name !== 'SUBGRAPH_TIMEOUT_MS')
        .map((name) => [name.replace(/_TIMEOUT_MS$/, '').toLowerCase(), int(env, name, 10_000, 1)]),
    ),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000),
  };
}

/** The committed supergraph, or the file SUPERGRAPH_PATH names. */
export function supergraphSdlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return readFileSync(env.SUPERGRAPH_PATH ?? path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8');
}
