import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { currentRequestId } from './request-id';

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
]);

/** Extension keys a client may see; everything else (stacktrace, SQL, service URLs) is dropped. */
const CLIENT_EXTENSIONS = ['code', 'dataClass', 'field', 'requestId', 'limit', 'max', 'found', 'retryAfterSeconds'];

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

/**
 * Apollo `formatError`: client errors pass with their code; anything unexpected becomes
 * "Internal server error" plus the request id, and the original goes to the log.
 */
export function clientSafeError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const extensions: Record<string, unknown> = {};
    for (const key of CLIENT_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    if (code && CLIENT_CODES.has(code)) {
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    const id = currentRequestId();
    logger.error({ err: error, requestId: id, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(id ? { requestId: id } : {}) },
    };
  };
}
