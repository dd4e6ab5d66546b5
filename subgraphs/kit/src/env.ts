import { z } from 'zod';
import { SettingError, wholeNumberSetting } from './settings';

/**
 * Environment variables as zod schemas, read once per process: a value that does not fit stops
 * start-up with one line naming the variable, instead of being read as "off" or NaN. The
 * subgraph process's variables are SUBGRAPH_SETTINGS below; the gateway's are
 * gateway/src/env.ts, built from the same pieces. docs/operations.md lists each variable.
 */

/** A variable's schema and the words that finish "<NAME> must be …". */
export interface Setting<T> {
  schema: z.ZodType<T, string>;
  expects: string;
  /** An empty value is a value (an empty list), not "unset". */
  emptyIsValue?: boolean;
}

export const setting = <T>(schema: z.ZodType<T, string>, expects: string): Setting<T> => ({ schema, expects });

const ON = ['1', 'true', 'yes', 'on'];
const OFF = ['0', 'false', 'no', 'off'];

export const flag = setting(
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ON.includes(v) || OFF.includes(v))
    .transform((v) => ON.includes(v)),
  'on or off (1/0, true/false, yes/no)',
);

export const whole = (min: number, max?: number): Setting<number> => wholeNumberSetting({ min, max });

export function url(protocols: string[]): Setting<string> {
  const schema = z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol));
  return setting(schema, `a URL (${protocols.map((p) => `${p}//`).join(' or ')}…)`);
}

export const text = setting(z.string(), 'text');

export function oneOf<const T extends readonly [string, ...string[]]>(values: T): Setting<T[number]> {
  return setting(z.enum(values), `one of ${values.join(', ')}`);
}

export function list<T extends string>(item: z.ZodType<T, string>, expects: string): Setting<T[]> {
  const schema = z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));
  return setting(schema, expects);
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Value<S> = S extends Setting<infer T> ? T : never;
/** Each variable, typed; `undefined` when unset or empty (the caller's default applies). */
export type EnvOf<S extends Record<string, Setting<unknown>>> = { readonly [K in keyof S]?: Value<S[K]> };

/** `env` checked against `settings`; throws SettingError naming the first variable that does not fit. */
export function parseEnv<S extends Record<string, Setting<unknown>>>(settings: S, env: NodeJS.ProcessEnv): EnvOf<S> {
  // Empty counts as unset, as the shell makes it easy to write `X= pnpm start`.
  const schema = z.object(
    Object.fromEntries(Object.entries(settings).map(([name, s]) => [name, z.preprocess((v) => (v === '' && !s.emptyIsValue ? undefined : v), s.schema.optional())])),
  );
  const result = schema.safeParse(env);
  if (!result.success) {
    const name = String(result.error.issues[0]!.path[0]);
    throw new SettingError(`${name} must be ${settings[name]!.expects}, got "${String(env[name]).slice(0, 40)}".`);
  }
  return result.data as EnvOf<S>;
}

/** What kit and a subgraph process read (scripts/services/subgraph.ts; `pnpm start` too). */
export const SUBGRAPH_SETTINGS = {
  NODE_ENV: text,
  LOG_LEVEL: oneOf(LOG_LEVELS),
  SUBGRAPH: text,
  SUBGRAPH_HOST: text,
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: whole(1),
  // Off behind a pooler that cannot carry prepared statements (PgBouncer before 1.21, transaction mode).
  DATABASE_PREPARE: flag,
  GATEWAY_SIGNING_SECRET: setting(z.string().min(32), 'at least 32 characters (the same for the gateway)'),
  SHARED_READS: flag,
  // Off behind a transaction-mode pooler, where LISTEN seems to work but hears nothing.
  AGREEMENT_CACHE: flag,
  SHARED_DATA_DIR: text,
  /** Where `pnpm start` keeps its embedded database (default .data/pglite; memory:// for none). */
  PGLITE_DATA_DIR: text,
  SHUTDOWN_GRACE_MS: whole(0),
  SUPPRESSION_THRESHOLD: whole(2),
} satisfies Record<string, Setting<unknown>>;

export type SubgraphEnv = EnvOf<typeof SUBGRAPH_SETTINGS>;

const parsed = new WeakMap<NodeJS.ProcessEnv, SubgraphEnv>();

/**
 * Every subgraph setting, parsed once per environment object (process.env: once per process).
 * A subgraph process (and `pnpm start`) calls it first, so a bad value stops it before it loads anything.
 */
export function subgraphEnv(env: NodeJS.ProcessEnv = process.env): SubgraphEnv {
  let value = parsed.get(env);
  if (!value) parsed.set(env, (value = Object.freeze(parseEnv(SUBGRAPH_SETTINGS, env))));
  return value;
}

/**
 * One of them, for kit's modules: the gateway's process loads kit too, and must not be refused
 * for a subgraph-only variable it never uses. Same schema, same message.
 */
export function subgraphSetting<K extends keyof typeof SUBGRAPH_SETTINGS>(name: K, env: NodeJS.ProcessEnv = process.env): SubgraphEnv[K] {
  return parseEnv({ [name]: SUBGRAPH_SETTINGS[name] } as Pick<typeof SUBGRAPH_SETTINGS, K>, env)[name] as SubgraphEnv[K];
}
