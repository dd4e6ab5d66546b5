import { STATUS_CODES, Agent, request as httpRequest } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanStatusCode, context as otelContext, propagation, trace } from '@opentelemetry/api';
import { GraphQLError, Kind, parse, type FieldNode, type SelectionSetNode } from 'graphql';
import { AUDIT_EXTENSION, AUDIT_FACTS_HEADER, DATABASE_UNAVAILABLE_MESSAGE, Language, languageTag, logger, signIdentity, type AuditFact, type Identity } from '@peacegraph/kit';
import type { GatewayContext } from './context';
import { dedupeRepresentations } from './entity-representations';
import { tracer } from './observability';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A subgraph that did not answer (refused, reset, or over its timeout). Its message names the
 * subgraph and the timeout only: never the URL (internal addresses stay in the log).
 */
export class SubgraphUnavailableError extends Error {
  override name = 'SubgraphUnavailableError';
  constructor(
    readonly subgraph: string,
    readonly reason: 'timeout' | 'unreachable',
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(reason === 'timeout' ? `The ${subgraph} service did not answer within ${timeoutMs} ms.` : `The ${subgraph} service is unavailable.`, options);
  }
}

/** The gateway's own requests (none today) go out as the public. */
const GATEWAY_IDENTITY: Identity = { subject: 'gateway', organizationId: null, organizationType: null, roles: [] };

/**
 * Sends one subgraph fetch of a client's operation, with the verified identity signed over the
 * exact body that goes on the wire (so it can't be replayed with another query). Client headers
 * are never forwarded: of the caller's Accept-Language only the negotiated tag goes (`fr`).
 * Over `node:http` with a keep-alive agent rather than the gateway's default fetch: undici's
 * WHATWG streams, node-fetch's Request/Headers objects and a new AbortSignal per call were a
 * fifth of the gateway's CPU (docs/benchmarks.md).
 */
export class SignedDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly target: URL;
  // LIFO keeps a few warm sockets per subgraph instead of cycling through many.
  private readonly agent = new Agent({ keepAlive: true, scheduling: 'lifo', maxSockets: 128 });

  constructor(
    readonly subgraphName: string,
    url: string,
    private readonly signingSecret: string,
    private readonly timeoutMs: number,
  ) {
    this.target = new URL(url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const started = Date.now();
    const ctx = options.context as Partial<GatewayContext>;
    const { request } = options;
    let ok = false;
    try {
      if (!request.query) throw new Error('Missing query');
      // The same entity reached along several paths is asked for once (same request, same identity).
      const deduped = dedupeRepresentations(request.variables);
      const body = JSON.stringify({ query: request.query, operationName: request.operationName, variables: deduped?.variables ?? request.variables });
      const response = takeAuditFacts(await this.post(body, ctx.identity ?? GATEWAY_IDENTITY, ctx.requestId, ctx.language ?? Language.EN), ctx.auditFacts);
      ok = !response.errors?.length;
      return deduped ? deduped.expand(response) : response;
    } catch (error) {
      if (!(error instanceof SubgraphUnavailableError)) throw error;
      // Answer as the subgraph would have with an error at its first field: the gateway maps
      // that path into the client's response, so the client sees partial data plus an error
      // at the affected path (a thrown error would carry no path at all).
      logger.warn({ err: error, requestId: ctx.requestId, subgraph: this.subgraphName }, 'subgraph unavailable');
      return {
        data: null,
        errors: [{ message: error.message, path: firstFieldPath(request.query), extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
      };
    } finally {
      ctx.subgraphTimings?.push({ subgraph: this.subgraphName, ms: Date.now() - started, ok });
    }
  }

  private post(body: string, identity: Identity, requestId: string | undefined, language: Language): Promise<SubgraphResponse> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'accept-language': languageTag(language),
      ...signIdentity(this.signingSecret, identity, body, { subgraph: this.subgraphName }),
    };
    if (requestId) headers['x-request-id'] = requestId;
    // The audit facts of the answer, for the response cache (taken out again in takeAuditFacts).
    headers[AUDIT_FACTS_HEADER] = '1';
    const span = tracer().startSpan(`subgraph ${this.subgraphName}`, { attributes: { 'peacegraph.subgraph': this.subgraphName } });
    propagation.inject(trace.setSpan(otelContext.active(), span), headers);
    return new Promise<SubgraphResponse>((resolve, reject) => {
      const fail = (error: unknown) => {
        clearTimeout(timer);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        reject(error);
      };
      const req = httpRequest(
        { agent: this.agent, protocol: this.target.protocol, hostname: this.target.hostname, port: this.target.port, path: this.target.pathname + this.target.search, method: 'POST', headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => fail(new SubgraphUnavailableError(this.subgraphName, 'unreachable', this.timeoutMs, { cause: error })));
          res.on('end', () => {
            clearTimeout(timer);
            span.setAttribute('http.status_code', res.statusCode ?? 0);
            span.end();
            try {
              resolve(this.parse(res.statusCode ?? 0, String(res.headers['content-type'] ?? ''), Buffer.concat(chunks).toString('utf8')));
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      // No per-subgraph timeout in @apollo/gateway itself: cut the request here so a dead
      // subgraph costs at most `timeoutMs` and yields partial data with an error at its path.
      const timer = setTimeout(() => req.destroy(new SubgraphUnavailableError(this.subgraphName, 'timeout', this.timeoutMs)), this.timeoutMs);
      req.on('error', (error) => {
        fail(error instanceof SubgraphUnavailableError ? error : new SubgraphUnavailableError(this.subgraphName, 'unreachable', this.timeoutMs, { cause: error }));
      });
      req.end(body);
    });
  }

  /** As RemoteGraphQLDataSource: a JSON body on 2xx, else an error named by the status (no URL, no body). */
  private parse(status: number, contentType: string, text: string): SubgraphResponse {
    if (status === 503 && codeOf(text) === 'DATABASE_UNAVAILABLE') {
      // Refused before any GraphQL ran (the caller's agreements could not be read): the same
      // error as one raised by a resolver, so the client sees one code for one condition.
      return { data: null, errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'DATABASE_UNAVAILABLE' } }] };
    }
    if (status < 200 || status >= 300) {
      const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
      throw new GraphQLError(`${status}: ${STATUS_CODES[status] ?? 'Error'}`, code ? { extensions: { code } } : {});
    }
    if (!/^application\/(graphql-response\+)?json/.test(contentType)) throw new Error(`${this.subgraphName} answered ${contentType || 'without a content type'}, not JSON.`);
    return JSON.parse(text) as SubgraphResponse;
  }
}

/** The first error code of a subgraph's JSON error body, if it is one. */
function codeOf(text: string): unknown {
  try {
    return (JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
  } catch {
    return undefined;
  }
}

/** Moves the subgraph's audit facts out of its answer (never to a client) into `into`. */
function takeAuditFacts(response: SubgraphResponse, into: AuditFact[] | undefined): SubgraphResponse {
  const facts = response.extensions?.[AUDIT_EXTENSION];
  if (facts === undefined) return response;
  if (Array.isArray(facts)) into?.push(...(facts as AuditFact[]));
  const { [AUDIT_EXTENSION]: _taken, ...rest } = response.extensions!;
  return { ...response, extensions: Object.keys(rest).length ? rest : undefined };
}

/** `["incident"]` for a root fetch, `["_entities", 0, "incidents"]` for an entity fetch. */
function firstFieldPath(query: string | undefined): (string | number)[] | undefined {
  if (!query) return undefined;
  try {
    const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return undefined;
    const root = firstField(operation.selectionSet);
    if (!root) return undefined;
    const key = (root.alias ?? root.name).value;
    if (root.name.value !== '_entities' || !root.selectionSet) return [key];
    const inner = firstField(root.selectionSet, true);
    return inner ? [key, 0, (inner.alias ?? inner.name).value] : [key, 0];
  } catch {
    return undefined;
  }
}

function firstField(set: SelectionSetNode, skipTypename = false): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (skipTypename && selection.name.value === '__typename') continue;
      return selection;
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = firstField(selection.selectionSet, skipTypename);
      if (inner) return inner;
    }
  }
  return undefined;
}
