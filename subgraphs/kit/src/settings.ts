import { z } from 'zod';

/**
 * The one reader of settings from the environment, for the gateway and every subgraph: each
 * variable has a zod schema and the words that finish "<NAME> must be …". A value that does not
 * fit stops start-up with one line per bad variable, instead of being read as "off" or NaN and
 * silently turning a protection off (a NaN suppression threshold suppresses nothing; a NaN
 * limit admits everything). The schemas: kit/src/env.ts (subgraph processes),
 * gateway/src/env.ts (the gateway); docs/operations.md lists each variable.
 */
export class SettingError extends Error {
  override name = 'SettingError';
}

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

/** A whole number from `min` (and up to `max`) written as text; `1e3`, `2.5`, `0x10` are refused. */
export function whole(min: number, max?: number): Setting<number> {
  const schema = z.string().trim().regex(/^-?\d+$/).transform(Number).pipe(z.number().int().min(min).max(max ?? Number.MAX_SAFE_INTEGER));
  return setting(schema, `a whole number ${max === undefined ? `≥ ${min}` : `between ${min} and ${max}`}`);
}

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

/** One line for a variable that does not fit. */
const refusal = (name: string, s: Setting<unknown>, raw: unknown) => `${name} must be ${s.expects}, got "${String(raw).slice(0, 40)}".`;

/** Empty counts as unset, as the shell makes it easy to write `X= pnpm start`. */
const isUnset = (s: Setting<unknown>, raw: string | undefined) => raw === undefined || (raw === '' && !s.emptyIsValue);

/**
 * `env` checked against `settings`; throws SettingError with one line per variable that does
 * not fit (all of them, so one restart fixes them all).
 */
export function parseEnv<S extends Record<string, Setting<unknown>>>(settings: S, env: NodeJS.ProcessEnv): EnvOf<S> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, s] of Object.entries(settings)) {
    const raw = env[name];
    if (isUnset(s, raw)) continue;
    const result = s.schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    else problems.push(refusal(name, s, raw));
  }
  if (problems.length) throw new SettingError(problems.join('\n'));
  return values as EnvOf<S>;
}

/** One variable outside a fixed schema (a subgraph's `<NAME>_PORT`, `<NAME>_URL`), checked the same way. */
export function readSetting<T>(name: string, s: Setting<T>, env: NodeJS.ProcessEnv = process.env): T | undefined {
  return parseEnv({ [name]: s }, env)[name] as T | undefined;
}
