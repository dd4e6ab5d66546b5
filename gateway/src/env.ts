import { flag, list, LOG_LEVELS, oneOf, parseEnv, readSetting, setting, text, url, whole, type EnvOf, type Setting } from '@peacegraph/kit';
import { z } from 'zod';

/**
 * The gateway's environment as one zod schema, read once per process: a value that does not
 * fit stops start-up with one line naming the variable, instead of being read as "off" or NaN
 * (`GATEWAY_LIMITS=enabled` used to turn every limit off). docs/operations.md lists each.
 */

/** The asymmetric algorithms a JWKS or public key may pin (a token never picks its own). */
export const ASYMMETRIC_JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
export type AsymmetricJwtAlgorithm = (typeof ASYMMETRIC_JWT_ALGORITHMS)[number];
const algorithm = z.enum(ASYMMETRIC_JWT_ALGORITHMS);

/** An origin as a browser sends it: scheme, host, optional port; no path, no `*`. */
const origin = z.string().refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol) && new URL(v).origin === v);

const SETTINGS = {
  NODE_ENV: text,
  GATEWAY_PORT: whole(0, 65535),
  GATEWAY_HOST: text,
  SUPERGRAPH_PATH: text,
  JWT_JWKS_URL: url(['https:', 'http:']),
  JWT_PUBLIC_KEY: text,
  JWT_ALGORITHM: setting(algorithm, `one of ${ASYMMETRIC_JWT_ALGORITHMS.join(', ')}`),
  JWT_ALGORITHMS: list(algorithm, `a comma-separated list of ${ASYMMETRIC_JWT_ALGORITHMS.join(', ')}`),
  JWT_SECRET: text,
  GATEWAY_SIGNING_SECRET: text,
  JWT_ISSUER: text,
  JWT_AUDIENCE: text,
  SUBGRAPH_TIMEOUT_MS: whole(1),
  GATEWAY_MAX_BODY_BYTES: whole(1),
  GATEWAY_LIMITS: flag,
  GATEWAY_MAX_DEPTH: whole(1),
  GATEWAY_MAX_ALIASES: whole(0),
  GATEWAY_MAX_DIRECTIVES: whole(0),
  GATEWAY_MAX_TOKENS: whole(1),
  GATEWAY_MAX_COST: whole(1),
  // The subgraphs refuse pages above 500 themselves: a larger limit here would only mislead.
  GATEWAY_MAX_PAGE_SIZE: whole(1, 500),
  RATE_LIMIT: flag,
  RATE_LIMIT_PER_IP: whole(1),
  RATE_LIMIT_PER_ORGANIZATION: whole(1),
  RATE_LIMIT_WINDOW_SECONDS: whole(1),
  REDIS_URL: url(['redis:', 'rediss:']),
  TRUST_PROXY_HOPS: whole(0),
  TRUSTED_OPERATIONS_ONLY: flag,
  // Empty means nobody, as it always did: set empty to forbid introspection in production altogether.
  INTROSPECTION_ROLES: { ...list(z.string(), 'a comma-separated list of roles'), emptyIsValue: true },
  SHUTDOWN_GRACE_MS: whole(0),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http:', 'https:']),
  LOG_LEVEL: oneOf(LOG_LEVELS),
  RESPONSE_CACHE: flag,
  RESPONSE_CACHE_TTL_SECONDS: whole(1),
  RESPONSE_CACHE_SHARE_ACROSS_SUBJECTS: flag,
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  SUBSCRIPTIONS: flag,
  SUBSCRIPTIONS_MAX_PER_CALLER: whole(1),
  SUBSCRIPTIONS_MAX_PER_ADDRESS: whole(1),
  SUBSCRIPTIONS_MAX_QUEUED: whole(1),
  SUBSCRIPTIONS_IDLE_TIMEOUT_S: whole(1),
  CORS_ORIGINS: list(origin, 'a comma-separated list of origins such as https://dashboard.example.org (scheme, host, optional port; no path, no *)'),
} satisfies Record<string, Setting<unknown>>;

/** Each variable, typed; `undefined` when unset or empty (the caller's default applies). */
export type GatewayEnv = EnvOf<typeof SETTINGS> & {
  /** `<NAME>_TIMEOUT_MS`, one subgraph's own timeout, by lower-case subgraph name. */
  readonly subgraphTimeoutsMs: Readonly<Record<string, number>>;
};

/** Other processes' variables end in _TIMEOUT_MS too; only a plain `<NAME>_TIMEOUT_MS` is a subgraph's. */
const SUBGRAPH_TIMEOUT = /^([A-Z]+)_TIMEOUT_MS$/;

function settingsFor(env: NodeJS.ProcessEnv): { timeouts: string[]; settings: Record<string, Setting<unknown>> } {
  const timeouts = Object.keys(env).filter((name) => SUBGRAPH_TIMEOUT.test(name) && name !== 'SUBGRAPH_TIMEOUT_MS');
  return { timeouts, settings: { ...SETTINGS, ...Object.fromEntries(timeouts.map((name) => [name, whole(1)])) } };
}

const parsed = new WeakMap<NodeJS.ProcessEnv, GatewayEnv>();

/**
 * The environment parsed and checked, once per environment object (process.env: once per
 * process). Throws SettingError naming the first variable that does not fit.
 */
export function gatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const known = parsed.get(env);
  if (known) return known;
  const { timeouts, settings } = settingsFor(env);
  const data = parseEnv(settings, env) as Record<string, unknown>;
  const value = Object.freeze({
    ...(data as Omit<GatewayEnv, 'subgraphTimeoutsMs'>),
    subgraphTimeoutsMs: Object.fromEntries(timeouts.filter((name) => data[name] !== undefined).map((name) => [name.replace(SUBGRAPH_TIMEOUT, '$1').toLowerCase(), data[name] as number])),
  });
  parsed.set(env, value);
  return value;
}

/** One more variable outside the fixed set (a subgraph's `<NAME>_URL` / `<NAME>_PORT`), checked the same way. */
export function extraSetting<K extends 'url' | 'port'>(env: NodeJS.ProcessEnv, name: string, kind: K): (K extends 'url' ? string : number) | undefined {
  const s: Setting<unknown> = kind === 'url' ? url(['http:', 'https:']) : whole(0, 65535);
  return readSetting(name, s, env) as (K extends 'url' ? string : number) | undefined;
}
