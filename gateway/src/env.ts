import { SettingError, wholeNumberSetting } from '@peacegraph/kit';
import { z } from 'zod';

/**
 * The gateway's environment as one zod schema, read once per process: a value that does not
 * fit stops start-up with one line naming the variable, instead of being read as "off" or NaN
 * (`GATEWAY_LIMITS=enabled` used to turn every limit off). docs/operations.md lists each.
 */

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['0', 'false', 'no', 'off'];

/** Each variable's schema and the words that finish "<NAME> must be …". */
interface Setting<T> {
  schema: z.ZodType<T, string>;
  expects: string;
  /** An empty value is a value (an empty list), not "unset". */
  emptyIsValue?: boolean;
}

const setting = <T>(schema: z.ZodType<T, string>, expects: string): Setting<T> => ({ schema, expects });

const flag = setting(
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ON.includes(v) || OFF.includes(v))
    .transform((v) => ON.includes(v)),
  'on or off (1/0, true/false, yes/no)',
);

const whole = (min: number, max?: number): Setting<number> => wholeNumberSetting({ min, max });

function url(protocols: string[]): Setting<string> {
  const schema = z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol));
  return setting(schema, `a URL (${protocols.map((p) => `${p}//`).join(' or ')}…)`);
}

const text = setting(z.string(), 'text');

function list<T extends string>(item: z.ZodType<T, string>, expects: string): Setting<T[]> {
  const schema = z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));
  return setting(schema, expects);
}

/** The asymmetric algorithms a JWKS or public key may pin (a token never picks its own). */
export const ASYMMETRIC_JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
export type AsymmetricJwtAlgorithm = (typeof ASYMMETRIC_JWT_ALGORITHMS)[number];
const algorithm = z.enum(ASYMMETRIC_JWT_ALGORITHMS);

/** An origin as a browser sends it: scheme, host, optional port; no path, no `*`. */
const origin = z.string().refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol) && new URL(v).origin === v);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
  LOG_LEVEL: setting(z.enum(LOG_LEVELS), `one of ${LOG_LEVELS.join(', ')}`),
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

type Settings = typeof SETTINGS;
type Value<S> = S extends Setting<infer T> ? T : never;

/** Each variable, typed; `undefined` when unset or empty (the caller's default applies). */
export type GatewayEnv = { readonly [K in keyof Settings]?: Value<Settings[K]> } & {
  /** `<NAME>_TIMEOUT_MS`, one subgraph's own timeout, by lower-case subgraph name. */
  readonly subgraphTimeoutsMs: Readonly<Record<string, number>>;
};

/** Other processes' variables end in _TIMEOUT_MS too; only a plain `<NAME>_TIMEOUT_MS` is a subgraph's. */
const SUBGRAPH_TIMEOUT = /^([A-Z]+)_TIMEOUT_MS$/;

function schemaFor(env: NodeJS.ProcessEnv) {
  const timeouts = Object.keys(env).filter((name) => SUBGRAPH_TIMEOUT.test(name) && name !== 'SUBGRAPH_TIMEOUT_MS');
  const shape: Record<string, Setting<unknown>> = { ...SETTINGS, ...Object.fromEntries(timeouts.map((name) => [name, whole(1)])) };
  return {
    timeouts,
    shape,
    // Empty counts as unset, as the shell makes it easy to write `X= pnpm start`.
    schema: z.object(Object.fromEntries(Object.entries(shape).map(([name, s]) => [name, z.preprocess((v) => (v === '' && !s.emptyIsValue ? undefined : v), s.schema.optional())]))),
  };
}

const parsed = new WeakMap<NodeJS.ProcessEnv, GatewayEnv>();

/**
 * The environment parsed and checked, once per environment object (process.env: once per
 * process). Throws SettingError naming the first variable that does not fit.
 */
export function gatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const known = parsed.get(env);
  if (known) return known;
  const { timeouts, shape, schema } = schemaFor(env);
  const result = schema.safeParse(env);
  if (!result.success) {
    const name = String(result.error.issues[0]!.path[0]);
    throw new SettingError(`${name} must be ${shape[name]!.expects}, got "${String(env[name]).slice(0, 40)}".`);
  }
  const data = result.data as Record<string, unknown>;
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
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const result = s.schema.safeParse(raw);
  if (!result.success) throw new SettingError(`${name} must be ${s.expects}, got "${raw.slice(0, 40)}".`);
  return result.data as K extends 'url' ? string : number;
}
