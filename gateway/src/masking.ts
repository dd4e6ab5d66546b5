import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { clientSafeError, DATABASE_RETRY_AFTER_SECONDS, errorReporting } from '@peacegraph/kit';
import type { GatewayContext } from './context';
import { SubgraphUnavailableError } from './signed-data-source';

function findUnavailable(error: unknown): SubgraphUnavailableError | null {
  let current: unknown = error;
  for (let i = 0; i < 6 && current; i++) {
    if (current instanceof SubgraphUnavailableError) return current;
    const e = current as { originalError?: unknown; cause?: unknown };
    current = e.originalError ?? e.cause;
  }
  return null;
}

/**
 * The gateway's `formatError`: every error — its own, those passed through from subgraphs, and
 * network errors — leaves as a client-written message and code, or as "Internal server error";
 * `gatewayErrorReporting` adds the request id (the original, stack and all, goes to the log
 * under that id). A dead or slow subgraph is named, never its address.
 */
export function gatewayErrorFormatter() {
  const safe = clientSafeError();
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unavailable = findUnavailable(error);
    if (unavailable) return { message: unavailable.message, path: formatted.path, extensions: { code: 'SUBGRAPH_UNAVAILABLE' } };
    return safe(formatted, error);
  };
}

/** Logs each unexpected error under the request id and stamps that id on the masked errors. */
export function gatewayErrorReporting(log: Logger): ApolloServerPlugin<GatewayContext> {
  return errorReporting<GatewayContext>(log, (error, requestId) => {
    const unavailable = findUnavailable(error);
    if (unavailable) log.warn({ err: unavailable, requestId, subgraph: unavailable.subgraph, path: error.path }, 'subgraph unavailable');
    return unavailable !== null;
  });
}

/** Production: introspection (`__schema`, `__type`) only for callers holding one of `roles`. */
export function introspectionGate(roles: string[]): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (contextValue.identity.roles.some((r) => roles.includes(r))) return;
          let introspects = false;
          visit(document, {
            [Kind.FIELD](node) {
              if (node.name.value === '__schema' || node.name.value === '__type') introspects = true;
            },
          });
          if (introspects) {
            throw new GraphQLError('Introspection is disabled on this gateway.', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

/**
 * A database outage is HTTP 503 with Retry-After (issue 15): the client can tell "retry shortly"
 * from a bug. Any DATABASE_UNAVAILABLE error makes the whole answer a 503 — every subgraph
 * shares the one database, so what is missing is missing for that reason.
 */
export function databaseOutageStatus(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
