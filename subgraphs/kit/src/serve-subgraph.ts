import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { DatabaseAvailability, withTimeout } from './availability';
import type { BuiltSubgraph } from './build-subgraph';
import type { SubgraphContext } from './context';
import type { Database, Db } from './db';
import { clientSafeError, DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, errorReporting, isDatabaseUnavailable } from './errors';
import { TypedLiteralFieldsRule } from './scalars/named-input-errors';
import { answerGraphQL, closeGracefully, HttpError, listen, parseBody, readBody, sendError, sendGraphQLAnswer, sendJson, type GraphQLAnswer } from './http';
import { ReplayGuard, verifySignedIdentity } from './identity';
import { Language, negotiateLanguage } from './language';
import { logger } from './logger';
import { accessFrom, type Access } from './policy/access';
import { EXPLAIN_PATH, explainRoute } from './policy/explain-route';
import { agreementsInForce } from './policy/agreement-cache';
import { asDirectoryKnows } from './policy/directory';
import { AUDIT_EXTENSION, AUDIT_FACTS_HEADER, AuditLog, auditFactsOf } from './policy/audit';
import type { NewAuditEvent } from './policy/tables';
import { operationTypeOf, SharedReads } from './shared-reads';
import { subgraphSetting } from './env';

export interface SubgraphServerOptions<Loaders> {
  built: BuiltSubgraph;
  database: Database;
  /** HMAC key shared with the gateway. */
  signingSecret: string;
  createLoaders: (db: Db, access: Access) => Loaders;
  port: number;
  /** Loopback by default: only the gateway should reach a subgraph. */
  host?: string;
  /** The environment variable that sets `port`, named in the "port in use" message. */
  portVariable: string;
  maxBodyBytes?: number;
  /** How long `stop()` lets in-flight requests finish before cutting them (SIGTERM). */
  shutdownGraceMs?: number;
  /** Non-GraphQL GET routes (e.g. CSV exports), signed like GraphQL requests and scoped by the same Access. */
  routes?: Record<string, SignedRoute>;
  /** Run identical in-flight reads of the same policy scope once (shared-reads.ts); default: `SHARED_READS` ≠ `off`. */
  sharedReads?: boolean;
}

export interface SignedRoute {
  (request: { url: URL; access: Access; db: Db }): Promise<{ contentType: string; body: string; filename?: string }>;
}

/**
 * What the gateway signs for a GET route: method, path and query, so a signature for one
 * export cannot be replayed for another.
 */
export function signedRouteMaterial(pathAndQuery: string): string {
  return `GET ${pathAndQuery}`;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RunningSubgraph extends RunningService {
  /** Reads executed and reads that joined an identical one in flight (shared-reads.ts). */
  sharedReads(): { executed: number; joined: number };
}

/** One executed read, as every caller who joined it receives it. */
interface SharedRead {
  answer: GraphQLAnswer;
  /** The restricted-data decisions it made, logged again for each caller who joined. */
  decisions: readonly NewAuditEvent[];
}

/**
 * Serves one subgraph: every GraphQL request must carry the gateway's signature over its
 * identity and body (`_entities` and `_service` included), or it gets 401 before any
 * GraphQL runs. No CORS headers: browsers have no business here.
 */
export async function serveSubgraph<Loaders>(options: SubgraphServerOptions<Loaders>): Promise<RunningSubgraph> {
  const { built, database, signingSecret } = options;
  const log = logger.child({ subgraph: built.name });
  // A database outage is answered at once with a 503, not after the driver's reconnect attempts.
  const availability = new DatabaseAvailability(() => database.ping());
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: built.schema,
    csrfPrevention: true,
    // We stop on SIGINT/SIGTERM ourselves (drain, close the pool, exit 0); Apollo's own handlers
    // would race ours and re-raise the signal.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: subgraphSetting('NODE_ENV') === 'production',
    // Only the gateway (signed) reaches this; it needs no introspection, `_service` serves the SDL.
    introspection: subgraphSetting('NODE_ENV') !== 'production',
    validationRules: [TypedLiteralFieldsRule],
    formatError: clientSafeError(),
    plugins: [
      errorReporting(log),
      // Inline traces would ship timing data to whoever asks; we trace with OpenTelemetry instead.
      ApolloServerPluginInlineTraceDisabled(),
      // No HTTP caching of subgraph answers (the gateway's response cache is policy-aware);
      // the default cache-control plugin would also run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors }) {
              if (errors.some(isDatabaseUnavailable)) availability.lost();
            },
            async willSendResponse({ contextValue, response }) {
              try {
                await contextValue.access.audit.flush(database.db);
              } catch (error) {
                if (!isDatabaseUnavailable(error)) throw error;
                availability.lost();
                // Not logged, not sent: the answer is withheld, and the caller told to retry.
                log.warn({ err: error, requestId: contextValue.requestId }, 'database unavailable: audit not written, answer withheld');
                response.http.status = 503;
                response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
                response.body = { kind: 'single', singleResult: { data: null, errors: [databaseUnavailableError()] } };
                return;
              }
              // The gateway keeps these with a cached answer and logs them for each later reader.
              const facts = contextValue.sendAuditFacts ? auditFactsOf(contextValue.access.audit.decisions) : [];
              if (facts.length && response.body.kind === 'single') {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, [AUDIT_EXTENSION]: facts };
              }
            },
          };
        },
      },
    ],
  });
  await server.start();
  const sharedReads = new SharedReads<SharedRead>(options.sharedReads ?? subgraphSetting('SHARED_READS') !== false);
  // Each gateway signature is accepted once (identity.ts): a captured request cannot be sent again.
  const replays = new ReplayGuard();
  const verify = (headers: import('node:http').IncomingHttpHeaders, material: string) =>
    verifySignedIdentity(signingSecret, headers, material, { subgraph: built.name, replays });

  async function serveRoute(route: SignedRoute, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    if (req.method !== 'GET') throw new HttpError(405, 'Only GET is served here.', 'METHOD_NOT_ALLOWED', { allow: 'GET' });
    const verified = verify(req.headers, signedRouteMaterial(req.url ?? '/'));
    if (!verified.ok) throw new HttpError(401, `Subgraphs answer only the PeaceGraph gateway: ${verified.reason}.`, 'UNAUTHENTICATED');
    const audit = new AuditLog(built.name, () => `GET ${(req.url ?? '/').split('?')[0]}`);
    const access = accessFrom(verified.identity, await agreementsInForce(database, verified.identity), audit);
    const out = await route({ url: new URL(req.url ?? '/', 'http://subgraph'), access, db: database.db });
    await audit.flush(database.db);
    res.writeHead(200, {
      'content-type': out.contentType,
      ...(out.filename ? { 'content-disposition': `attachment; filename="${out.filename}"` } : {}),
    });
    res.end(out.body);
  }

  // Every subgraph answers explainAccess for its own fields, through its own lookups (policy/explain-route.ts).
  const routes: Record<string, SignedRoute> = {
    ...options.routes,
    [EXPLAIN_PATH]: explainRoute(built, async (query, variables, access) => {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: { requestId: randomUUID(), identity: access.identity, access, db: database.db, loaders: options.createLoaders(database.db, access), language: Language.EN } },
      );
      return response.body.kind === 'single' ? response.body.singleResult : {};
    }),
  };

  let draining = false;
  const http = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      // Counters only (how many reads ran, how many joined one in flight): no data, loopback only.
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok', sharedReads: sharedReads.stats });
      if (path === '/readyz') return draining ? sendJson(res, 503, { status: 'draining' }) : await ready(database, res);
      const route = path ? routes[path] : undefined;
      if (route) return await serveRoute(route, req, res);
      if (path !== '/graphql') throw new HttpError(404, 'Not found. GraphQL is served at /graphql.', 'NOT_FOUND');
      const body = await readBody(req, options.maxBodyBytes ?? 1_000_000);
      const verified = verify(req.headers, body);
      if (!verified.ok) {
        throw new HttpError(401, `Subgraphs answer only the PeaceGraph gateway: ${verified.reason}.`, 'UNAUTHENTICATED');
      }
      if (!availability.available) throw databaseUnavailable();
      const requestId = String(req.headers['x-request-id'] ?? randomUUID());
      // Parsed once: Apollo gets the object, the audit log its operation name.
      const parsed = parseBody(body, req.headers['content-type']);
      const operationName = (parsed as { operationName?: unknown } | undefined)?.operationName;
      const operation = req.method === 'POST' ? operationTypeOf(parsed) : null;
      let identity = verified.identity;
      const audit = new AuditLog(built.name, () => (typeof operationName === 'string' ? operationName : null));
      let access: Access;
      try {
        // Writes are decided on the organisation directory's type and roles, not the token's claims.
        if (operation !== 'query') identity = await asDirectoryKnows(database.db, identity);
        access = accessFrom(identity, await agreementsInForce(database, identity), audit);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          availability.lost();
          throw databaseUnavailable();
        }
        log.error({ err: error, requestId }, 'request context failed');
        throw new HttpError(500, 'Internal server error.', 'INTERNAL_SERVER_ERROR');
      }
      const sendAuditFacts = req.headers[AUDIT_FACTS_HEADER] === '1';
      const language = negotiateLanguage(req.headers['accept-language']);
      const execute = async (): Promise<SharedRead> => {
        const answer = await answerGraphQL(server, req, { body: parsed, search: searchOf(req) }, async () => ({
          requestId,
          identity,
          access,
          db: database.db,
          loaders: options.createLoaders(database.db, access),
          sendAuditFacts,
          language,
        }));
        return { answer, decisions: audit.decisions };
      };
      if (operation === 'query' && sharedReads.enabled) {
        // The Accept header too: it picks the answer's content type (and whether facts come with it); the language its names.
        const { value, joined } = await sharedReads.run(`${access.fingerprint}\n${req.headers.accept ?? ''}\n${sendAuditFacts}\n${language}\n${body}`, execute);
        if (joined) {
          // Same answer, but this caller read it: their own audit rows, written before they get it.
          audit.recordAs(identity, value.decisions);
          await audit.flush(database.db);
        }
        return await sendGraphQLAnswer(res, value.answer);
      }
      const { answer } = await execute();
      // Anything not known to be a read may have written: later reads must not join older ones.
      if (operation !== 'query') sharedReads.wrote();
      await sendGraphQLAnswer(res, answer);
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error);
      if (isDatabaseUnavailable(error)) {
        availability.lost();
        log.warn({ err: error }, 'database unavailable');
        return sendError(res, databaseUnavailable());
      }
      log.error({ err: error }, 'request failed');
      sendError(res, new HttpError(500, 'Internal server error.', 'INTERNAL_SERVER_ERROR'));
    }
  });
  const host = options.host ?? subgraphSetting('SUBGRAPH_HOST') ?? '127.0.0.1';
  const port = await listen(http, options.port, host, `${built.name} subgraph`, options.portVariable);
  return {
    name: built.name,
    port,
    url: `http://${host}:${port}/graphql`,
    sharedReads: () => sharedReads.stats,
    async stop() {
      draining = true;
      availability.stop();
      await closeGracefully(http, options.shutdownGraceMs ?? 10_000);
      await server.stop();
    },
  };
}

/** `?query=…` of a GET; a POST's is not read by Apollo Server, so its URL is not parsed for it. */
function searchOf(req: import('node:http').IncomingMessage): string {
  return req.method === 'POST' ? '' : new URL(req.url ?? '/', 'http://subgraph').search;
}

/** PostgreSQL is down or unreachable: 503, retry shortly (the gateway passes both on). */
function databaseUnavailable(): HttpError {
  return new HttpError(503, DATABASE_UNAVAILABLE_MESSAGE, 'DATABASE_UNAVAILABLE', { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
}

function databaseUnavailableError(): GraphQLFormattedError {
  return { message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'DATABASE_UNAVAILABLE' } };
}

async function ready(database: Database, res: import('node:http').ServerResponse): Promise<void> {
  try {
    await withTimeout(database.ping(), 2000);
    sendJson(res, 200, { status: 'ready', database: 'up' });
  } catch {
    sendJson(res, 503, { status: 'unavailable', database: 'down' });
  }
}
