import { z } from 'zod';
import { flag, LOG_LEVELS, oneOf, parseEnv, setting, text, url, whole, type EnvOf, type Setting } from './settings';

/**
 * The subgraph process's environment as one schema (the pieces and the reader: settings.ts),
 * read once per process: a value that does not fit stops start-up with one line naming the
 * variable. The gateway's is gateway/src/env.ts, built from the same pieces.
 */

/** The smallest threshold that still protects a contributor (see SUPPRESSION_THRESHOLD below). */
export const MIN_SUPPRESSION_THRESHOLD = 3;

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
  // At least 3 (docs/policy.md, "Disclosure control"): 1 suppresses nothing, and at 2 either of
  // a cell's two contributors, subtracting their own row, learns the other's.
  SUPPRESSION_THRESHOLD: whole(MIN_SUPPRESSION_THRESHOLD),
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
