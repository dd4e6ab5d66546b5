import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanStatusCode, context as otelContext, propagation, trace } from '@opentelemetry/api';
import { Kind, parse, type FieldNode, type SelectionSetNode } from 'graphql';
import { IDENTITY_HEADER, logger, signIdentity, type Identity } from '@peacegraph/kit';
import { tracer } from './observability';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

export interface SubgraphTiming {
  subgraph: string;
  ms: number;
  ok: boolean;
}

export interface GatewayContext {
  requestId: string;
  identity: Identity;
  /** Date.now() when the HTTP request arrived (the request log's duration). */
  startedAt: number;
  /** One entry per subgraph fetch, for the request log. */
  subgraphTimings: SubgraphTiming[];
}

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

/**
 * Sends the verified identity to a subgraph, signed over the exact body that goes on the
 * wire (so it can't be replayed with another query). Client headers are never forwarded:
 * RemoteGraphQLDataSource starts every subgraph request with fresh headers.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraphName: string,
    url: string,
    signingSecret: string,
    timeoutMs: number,
  ) {
    super({ url, fetcher: signingFetcher(subgraphName, signingSecret, timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    const ctx = context as Partial<GatewayContext>;
    // `identity` is absent only for the gateway's own requests; they go out as the public.
    headers.set(IDENTITY_HEADER, JSON.stringify(ctx.identity ?? { subject: 'gateway', organizationId: null, organizationType: null, roles: [] }));
    if (ctx.requestId) headers.set('x-request-id', ctx.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const started = Date.now();
    const timings = (options.context as Partial<GatewayContext>).subgraphTimings;
    let ok = false;
    try {
      const response = await super.process(options);
      ok = !response.errors?.length;
      return response;
    } catch (error) {
      if (!(error instanceof SubgraphUnavailableError)) throw error;
      // Answer as the subgraph would have with an error at its first field: the gateway maps
      // that path into the client's response, so the client sees partial data plus an error
      // at the affected path (a thrown error would carry no path at all).
      logger.warn({ err: error, requestId: (options.context as Partial<GatewayContext>).requestId, subgraph: this.subgraphName }, 'subgraph unavailable');
      return {
        data: null,
        errors: [{ message: error.message, path: firstFieldPath(options.request.query), extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
      };
    } finally {
      timings?.push({ subgraph: this.subgraphName, ms: Date.now() - started, ok });
    }
  }
}

function signingFetcher(subgraph: string, secret: string, timeoutMs: number): Fetcher {
  return async (url, init) => {
    const headers = new Headers(init?.headers as Record<string, string>);
    const identity = JSON.parse(headers.get(IDENTITY_HEADER) ?? 'null') as Identity;
    const body = typeof init?.body === 'string' ? init.body : '';
    for (const [name, value] of Object.entries(signIdentity(secret, identity, body))) headers.set(name, value);
    const span = tracer().startSpan(`subgraph ${subgraph}`, { attributes: { 'peacegraph.subgraph': subgraph } });
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(otelContext.active(), span), carrier);
    for (const [name, value] of Object.entries(carrier)) headers.set(name, value);
    try {
      // No per-subgraph timeout in @apollo/gateway itself: abort here so a dead subgraph costs
      // at most `timeoutMs` and yields partial data with an error at its path.
      const response = await fetch(url, { ...(init as RequestInit), headers, body, signal: AbortSignal.timeout(timeoutMs) });
      span.setAttribute('http.status_code', response.status);
      return response as unknown as Awaited<ReturnType<Fetcher>>;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      throw new SubgraphUnavailableError(subgraph, timedOut ? 'timeout' : 'unreachable', timeoutMs, { cause: error });
    } finally {
      span.end();
    }
  };
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
