import pino from 'pino';
import { subgraphSetting } from './env';

/**
 * Keys that carry caller-supplied or row values: SQL parameters (drizzle's DrizzleQueryError
 * `params`, postgres.js `parameters`/`args`), GraphQL variables. Restricted data (a victim's
 * name in an insert, a precise location in a filter) must never reach a log line.
 */
// `detail` is PostgreSQL's "Key (name)=(…) already exists": a row value.
const RESTRICTED_KEYS = new Set(['params', 'parameters', 'args', 'variables', 'body', 'detail']);

/** DrizzleQueryError also spells the parameters into its message (and so its stack). */
const PARAMS_IN_TEXT = /\nparams: [^\n]*/g;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(PARAMS_IN_TEXT, '\nparams: [redacted]');
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = RESTRICTED_KEYS.has(key) ? '[redacted]' : scrub(v, depth + 1);
  }
  return out;
}

/** pino's error serializer (message, stack, cause chain) without any restricted key. */
export function safeErrorSerializer(error: unknown): unknown {
  return scrub(error instanceof Error ? pino.stdSerializers.errWithCause(error) : error);
}

/**
 * LOG_LEVEL for the logger made while modules load. A bad value is refused by each process's
 * own check (both schemas have LOG_LEVEL), as one line: throwing here, at import, would print
 * a stack trace instead, and leave nothing to log the refusal with.
 */
function configuredLevel(): string | undefined {
  try {
    return subgraphSetting('LOG_LEVEL');
  } catch {
    return undefined;
  }
}

/** A JSON logger with the services' settings (tests pass a stream to read what would be logged). */
export function createJsonLogger(destination?: pino.DestinationStream, level = configuredLevel() ?? (process.env.VITEST ? 'silent' : 'info')) {
  const options: pino.LoggerOptions = {
    level,
    // `app`, not `service`: children add `service` (gateway) or `subgraph`, and pino would repeat a key.
    base: { app: 'peacegraph' },
    redact: ['req.headers.authorization', 'headers.authorization'],
    serializers: { err: safeErrorSerializer },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** One JSON logger for every service; quiet in tests unless LOG_LEVEL says otherwise. */
export const logger = createJsonLogger();
