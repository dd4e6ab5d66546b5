import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { namedInputError } from './scalars/named-input-errors';

/** Codes whose messages are written for clients; anything else is masked. */
const CLIENT_CODES = new Set([
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // Gateway hardening (issue 8): each names the limit or the service, never an address.
  'OPERATION_NOT_TRUSTED',
  'RATE_LIMITED',
  'SUBGRAPH_UNAVAILABLE',
  // Issue 15: PostgreSQL down or unreachable — retry shortly (HTTP 503 with Retry-After).
  'DATABASE_UNAVAILABLE',
]);

/** Extension keys a client may see; everything else (stacktrace, SQL, service URLs) is dropped. */
const CLIENT_EXTENSIONS = ['code', 'dataClass', 'field', 'requestId', 'limit', 'max', 'found', 'retryAfterSeconds'];

/** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable; retry shortly.';

/** Errors of a connection that failed or was lost (postgres.js codes, socket errors, SQLSTATE classes 08 and 57P). */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * Is this error (or what caused it) the database being unavailable, rather than a bug or bad
 * input? Walks `cause` / `originalError` (drizzle and GraphQL wrap the driver's error).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; errno?: unknown; cause?: unknown; originalError?: unknown; extensions?: { code?: unknown } };
    if (e.extensions?.code === 'DATABASE_UNAVAILABLE') return true;
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_ERROR_CODES.has(code) || /^08|^57P0[123]$|^53300$/.test(code)) return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}

/** Bad input: names the offending field, changes nothing. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function forbiddenAction(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Errors whose message the client may read as written. */
export function isClientError(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && CLIENT_CODES.has(code);
}

/** Codes that tell the client to quote the request id (the log has the rest under it). */
const CODES_WITH_REQUEST_ID = new Set(['INTERNAL_SERVER_ERROR', 'SUBGRAPH_UNAVAILABLE', 'DATABASE_UNAVAILABLE']);

/**
 * Apollo `formatError`: client errors pass with their code; anything unexpected becomes
 * "Internal server error". The request id and the log line come from `errorReporting`, which
 * sees the request's context (formatError does not).
 */
export function clientSafeError() {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const named = namedInputError(formatted, error);
    if (named) return named;
    if (formatted.extensions?.code !== 'DATABASE_UNAVAILABLE' && error !== undefined && isDatabaseUnavailable(error)) {
      return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    const extensions: Record<string, unknown> = {};
    for (const key of CLIENT_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    if (isClientError(formatted)) {
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * Logs each unexpected error (original, stack and all) under the request id, and writes that id
 * into the masked errors the client receives. The id travels in the context rather than in
 * AsyncLocalStorage, which would put a hook on every promise of every resolver.
 * `logError` overrides the log line (the gateway names an unavailable subgraph).
 */
export function errorReporting<C extends { requestId: string }>(
  log: Logger,
  logError: (error: GraphQLError, requestId: string) => boolean = () => false,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (logError(error, contextValue.requestId) || isClientError(error)) continue;
            if (isDatabaseUnavailable(error)) {
              log.warn({ err: error.originalError ?? error, requestId: contextValue.requestId, path: error.path }, 'database unavailable');
              continue;
            }
            log.error({ err: error.originalError ?? error, requestId: contextValue.requestId, path: error.path }, 'internal error');
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            CODES_WITH_REQUEST_ID.has(error.extensions?.code as string)
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
