import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { createHandler as createSseHandler } from 'graphql-sse/lib/use/http';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer, type WebSocket } from 'ws';
import { logger, namedInputError, negotiateLanguage, TypedLiteralFieldsRule, type Database, type Identity } from '@peacegraph/kit';
import { AuthenticationError, type Authenticator } from '../auth';
import { gatewayEnv } from '../env';
import { armorProtection, checkCost, checkTokenLimit, type OperationLimits } from '../limits';
import type { OperationRegistry } from '../persisted-operations';
import { EventFeed, ReplayWindowError, type OutboxEvent } from './event-feed';
import { subscriptionSchema } from './fields';
import { endReason, LiveSubscription, type LiveLimits } from './live-subscription';
import { EventResolver, EventUnavailableError, planDelivery, type DeliveryPlan, type GraphExecutor } from './resolution';

export const SSE_PATH = '/graphql/stream';
export const WS_PATH = '/graphql/ws';

export interface SubscriptionLimits extends LiveLimits {
  maxPerCaller: number;
  maxPerAddress: number;
  /** WebSocket ping interval; a connection that misses a pong is closed. (SSE: graphql-sse comments every 12 s.) */
  heartbeatMs: number;
  /** WebSocket bytes buffered for one connection beyond which it is a slow consumer. */
  maxBufferedBytes: number;
  /** Events replayed at most on one reconnect. */
  maxReplay: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxPerCaller: 20,
  maxPerAddress: 200,
  maxQueued: 100,
  idleTimeoutMs: 30 * 60_000,
  heartbeatMs: 15_000,
  maxBufferedBytes: 1_000_000,
  maxReplay: 1000,
};

/** SUBSCRIPTIONS_MAX_PER_CALLER, SUBSCRIPTIONS_MAX_PER_ADDRESS, SUBSCRIPTIONS_MAX_QUEUED, SUBSCRIPTIONS_IDLE_TIMEOUT_S (docs/operations.md). */
export function subscriptionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<SubscriptionLimits> {
  const e = gatewayEnv(env);
  const limits: Partial<SubscriptionLimits> = {};
  if (e.SUBSCRIPTIONS_MAX_PER_CALLER !== undefined) limits.maxPerCaller = e.SUBSCRIPTIONS_MAX_PER_CALLER;
  if (e.SUBSCRIPTIONS_MAX_PER_ADDRESS !== undefined) limits.maxPerAddress = e.SUBSCRIPTIONS_MAX_PER_ADDRESS;
  if (e.SUBSCRIPTIONS_MAX_QUEUED !== undefined) limits.maxQueued = e.SUBSCRIPTIONS_MAX_QUEUED;
  if (e.SUBSCRIPTIONS_IDLE_TIMEOUT_S !== undefined) limits.idleTimeoutMs = e.SUBSCRIPTIONS_IDLE_TIMEOUT_S * 1000;
  return limits;
}

export interface SubscriptionServiceOptions {
  /** Read only: the outboxes and, for shared deliveries, the audit log (appended to). */
  database: Database;
  execute: GraphExecutor;
  authenticate: Authenticator;
  limits: OperationLimits | false;
  registry: OperationRegistry;
  trustedOperationsOnly: boolean;
  subscriptionLimits?: Partial<SubscriptionLimits>;
  clientAddress(req: IncomingMessage): string;
}

interface OpenRequest {
  authorization: string | undefined;
  /** The subscribe request's Accept-Language (graphql-ws: the connection's), negotiated once here. */
  acceptLanguage: string | undefined;
  address: string;
  query: unknown;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
  backedUp: () => boolean;
  /** SSE distinct connections: the Last-Event-ID header of a reconnect, used when no after: is given. */
  lastEventId?: string;
}

/** Context handed from a transport's onSubscribe to its subscribe. */
type SubscriptionContext = {
  live: LiveSubscription;
};

/**
 * Subscriptions at the gateway: GraphQL over SSE (distinct connections and single connection)
 * and over WebSocket (graphql-ws), one schema (the API schema plus our Subscription type), one
 * way in (token, trusted operations, operation limits, per-caller and per-address counts), and
 * one way out: every outbox event is resolved per subscriber through the graph (resolution.ts).
 */
export class SubscriptionService {
  private schema: GraphQLSchema | null = null;
  private readonly feed: EventFeed;
  private readonly resolver: EventResolver;
  private readonly active = new Set<LiveSubscription>();
  private readonly perCaller = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private readonly limits: SubscriptionLimits;
  private readonly validationRules;
  /** Deliveries leave in event order, whatever order their resolutions finish in. */
  private delivering: Promise<void> = Promise.resolve();
  private wss: WebSocketServer | null = null;
  private readonly log = logger.child({ service: 'gateway', component: 'subscriptions' });
  readonly handleSse: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Per SSE response: payloads handed to graphql-sse and not yet written to the socket. */
  private readonly sseBacklog = new WeakMap<ServerResponse, SseBacklog>();
  private readonly sseStreams = new Map<string, ServerResponse>();

  constructor(private readonly options: SubscriptionServiceOptions) {
    this.limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.subscriptionLimits };
    // Polled as a backstop only while someone is subscribed (see EventFeed).
    this.feed = new EventFeed(options.database, () => this.active.size > 0);
    this.resolver = new EventResolver(options.database, options.execute);
    this.validationRules = [...specifiedRules, ...(options.limits ? armorProtection(options.limits).validationRules : []), TypedLiteralFieldsRule];
    this.handleSse = this.sseHandler();
  }

  setApiSchema(apiSchema: GraphQLSchema): void {
    this.schema = subscriptionSchema(apiSchema);
  }

  async start(): Promise<void> {
    this.feed.onEvent((event) => this.dispatch(event));
    await this.feed.start();
  }

  /** Every committed event read and delivered (tests and the benchmark wait on it). */
  async settled(): Promise<void> {
    await this.feed.catchUp();
    await this.delivering;
  }

  get activeCount(): number {
    return this.active.size;
  }

  async stop(): Promise<void> {
    this.feed.stop();
    for (const s of this.active) s.end(endReason('SHUTTING_DOWN', 'The gateway is restarting: subscribe again (with after: your last eventId) to miss nothing.'));
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  private dispatch(event: OutboxEvent): void {
    const recipients: LiveSubscription[] = [];
    for (const s of this.active) {
      if (s.plan.topic.source !== event.source || s.plan.fieldName !== event.topic) continue;
      if (!s.plan.topic.matches(event, s.plan.filter, s.identity.organizationId)) continue;
      if (s.hold(event)) continue;
      if (s.live) recipients.push(s);
    }
    if (recipients.length === 0) return;
    const resolved = this.resolver.resolve(event, recipients);
    this.delivering = this.delivering
      .then(() => resolved)
      .then((deliveries) => {
        for (const [s, payload] of deliveries) this.handOver(s as LiveSubscription, event, payload);
      })
      .catch((error: unknown) => this.log.error({ err: error, eventId: event.id, topic: event.topic }, 'event resolution failed'));
  }

  private handOver(live: LiveSubscription, event: OutboxEvent, payload: FormattedExecutionResult | null | EventUnavailableError): void {
    if (!(payload instanceof EventUnavailableError)) return live.push(event.id, payload);
    this.log.warn({ eventId: event.id, topic: event.topic, reason: payload.message }, 'event could not be resolved: ending the subscriptions that wait for it');
    live.end(endReason('EVENT_UNAVAILABLE', `Event ${event.id} could not be read from the graph just now. Subscribe again with after: your last eventId to receive it.`));
  }

  /** Checks and opens one subscription; throws a GraphQLError naming the problem. */
  private async open(request: OpenRequest): Promise<ExecutionArgs> {
    if (!this.schema) throw refusal('SERVICE_UNAVAILABLE', 'The gateway is starting; retry.');
    const identity = await this.identityOf(request.authorization);
    const document = this.documentOf(request);
    const variables = request.variables ?? {};
    const plan = withLastEventId(planDelivery(this.schema, document, request.operationName, coercedVariables(this.schema, document, request.operationName, variables)), request.lastEventId);
    const callerKey = identity.organizationId ? `${identity.organizationId}:${identity.subject}` : `anonymous@${request.address}`;
    if ((this.perCaller.get(callerKey) ?? 0) >= this.limits.maxPerCaller) {
      throw refusal('SUBSCRIPTION_LIMIT', `At most ${this.limits.maxPerCaller} subscriptions per caller are open at once; close one first.`, { limit: 'maxPerCaller', max: this.limits.maxPerCaller });
    }
    if ((this.perAddress.get(request.address) ?? 0) >= this.limits.maxPerAddress) {
      throw refusal('SUBSCRIPTION_LIMIT', `At most ${this.limits.maxPerAddress} subscriptions per client address are open at once.`, { limit: 'maxPerAddress', max: this.limits.maxPerAddress });
    }
    const token = request.authorization?.replace(/^Bearer /, '');
    const expiresAt = token ? Number(decodeJwt(token).exp) * 1000 : null;
    const live = new LiveSubscription(identity, plan, negotiateLanguage(request.acceptLanguage), request.address, expiresAt, this.limits, request.backedUp, (s) => this.close(s, callerKey));
    bump(this.perCaller, callerKey, 1);
    bump(this.perAddress, request.address, 1);
    this.active.add(live);
    void this.replay(live);
    const context: SubscriptionContext = { live };
    return { schema: this.schema, document, operationName: request.operationName, variableValues: variables, contextValue: context };
  }

  private close(live: LiveSubscription, callerKey: string): void {
    if (!this.active.delete(live)) return;
    bump(this.perCaller, callerKey, -1);
    bump(this.perAddress, live.address, -1);
  }

  /** What the client missed (after its last id), then the events that came meanwhile, each once. */
  private async replay(live: LiveSubscription): Promise<void> {
    const { plan } = live;
    try {
      if (plan.after !== null) {
        const missed = await this.feed.replay(plan.topic.source, plan.fieldName, plan.after, this.limits.maxReplay);
        for (const event of missed) await this.deliverOne(live, event);
      }
      // Held events may already be replayed (the set of delivered ids drops those).
      for (;;) {
        const held = live.release();
        if (held.length === 0) break;
        for (const event of held) if (plan.topic.matches(event, plan.filter, live.identity.organizationId)) await this.deliverOne(live, event);
      }
    } catch (error) {
      if (error instanceof ReplayWindowError) return live.end(endReason('REPLAY_WINDOW_EXCEEDED', error.message));
      this.log.error({ err: error }, 'replay failed');
      live.end(endReason('INTERNAL_SERVER_ERROR', 'Replay failed; subscribe again.'));
    }
  }

  private async deliverOne(live: LiveSubscription, event: OutboxEvent): Promise<void> {
    const [[, payload]] = (await this.resolver.resolve(event, [live])) as [[LiveSubscription, FormattedExecutionResult | null | EventUnavailableError]];
    this.handOver(live, event, payload);
  }

  private async identityOf(authorization: string | undefined): Promise<Identity> {
    try {
      return await this.options.authenticate(authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) throw refusal('UNAUTHENTICATED', error.message);
      throw error;
    }
  }

  /** The document, by the same rules as /graphql: trusted operations, token limit, armor's validation rules. */
  private documentOf(request: OpenRequest): DocumentNode {
    let text = typeof request.query === 'string' ? request.query : null;
    const documentId = request.extensions?.documentId ?? (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
    if (typeof documentId === 'string') {
      const op = this.options.registry.byIdOrNull(documentId);
      if (!op) throw refusal('PERSISTED_QUERY_NOT_FOUND', `No trusted operation with id ${documentId}.`);
      text = op.body;
    } else if (text !== null && this.options.trustedOperationsOnly && !this.options.registry.hasDocument(text)) {
      throw refusal('OPERATION_NOT_TRUSTED', 'This gateway runs trusted operations only: send extensions.documentId from the persisted-operations manifest.');
    }
    if (text === null) throw refusal('BAD_REQUEST', 'Send a subscription document as query (or extensions.documentId).');
    if (this.options.limits) checkTokenLimit(text, this.options.limits);
    let document: DocumentNode;
    try {
      document = parse(text);
    } catch (error) {
      throw refusal('GRAPHQL_PARSE_FAILED', (error as Error).message);
    }
    const operation = getOperationAST(document, request.operationName);
    if (operation?.operation !== 'subscription') {
      throw refusal('BAD_REQUEST', 'Send a subscription operation here; queries and mutations go to /graphql.');
    }
    const errors = validate(this.schema!, document, this.validationRules);
    if (errors.length) throw namedRefusal(errors[0]!, 'GRAPHQL_VALIDATION_FAILED');
    // The cost of the selection each event will run (the same weights as /graphql).
    if (this.options.limits) checkCost(document, operation, request.variables ?? {}, this.options.limits);
    return document;
  }

  private sseHandler() {
    const handler = createSseHandler<SubscriptionContext>({
      schema: () => this.schema!,
      onSubscribe: async (req, params) => {
        const raw = req.raw as IncomingMessage;
        // Distinct connections: this request is the stream. Single connection: the stream named by its token.
        const distinct = String(raw.headers.accept ?? '').includes('text/event-stream');
        const token = String(raw.headers['x-graphql-event-stream-token'] ?? new URL(raw.url ?? '/', 'http://x').searchParams.get('token') ?? '');
        const streamRes = distinct ? (req.context as { res: ServerResponse }).res : this.sseStreams.get(token);
        const backlog = streamRes ? this.sseBacklog.get(streamRes) : undefined;
        try {
          const args = await this.open({
            authorization: raw.headers.authorization,
            acceptLanguage: raw.headers['accept-language'],
            address: this.options.clientAddress(raw),
            query: params.query,
            operationName: params.operationName,
            variables: params.variables,
            extensions: params.extensions,
            backedUp: () => (backlog ? backlog.queued > this.limits.maxQueued : false),
            lastEventId: distinct ? (raw.headers['last-event-id'] as string | undefined) : undefined,
          });
          if (backlog) wrapCounting(args.contextValue as SubscriptionContext, backlog, distinct);
          return args as never;
        } catch (error) {
          return sseRefusal(error) as never;
        }
      },
      subscribe: (args) => (args.contextValue as SubscriptionContext).live.stream() as never,
    });
    return async (req: IncomingMessage, res: ServerResponse) => {
      const backlog: SseBacklog = { queued: 0, eventIds: [] };
      this.sseBacklog.set(res, backlog);
      const token = req.method === 'GET' ? String(req.headers['x-graphql-event-stream-token'] ?? new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '') : '';
      if (token) this.sseStreams.set(token, res);
      // graphql-sse awaits each write: what it took from us and has not written yet is the backlog.
      const write = res.write.bind(res) as (chunk: unknown, cb?: (err?: Error | null) => void) => boolean;
      // graphql-sse prints no `id:` field: on a distinct-connections stream (one subscription) each
      // `next` message gets its event's id here, so an EventSource-style reconnect sends Last-Event-ID.
      res.write = ((chunk: unknown, cb?: (err?: Error | null) => void) => {
        const next = typeof chunk === 'string' && chunk.startsWith('event: next');
        const eventId = next ? backlog.eventIds.shift() : undefined;
        return write(eventId === undefined ? chunk : `id: ${eventId}\n${chunk as string}`, (err) => {
          if (next) backlog.queued = Math.max(0, backlog.queued - 1);
          cb?.(err);
        });
      }) as typeof res.write;
      try {
        await handler(req, res);
      } finally {
        if (token && this.sseStreams.get(token) === res) this.sseStreams.delete(token);
      }
    };
  }

  /**
   * graphql-ws on WS_PATH of the gateway's HTTP server: the token on connect (connectionParams or
   * the upgrade's header). An upgrade `originAllowed` refuses gets 403 before any message.
   */
  attachWebSocket(http: Server, originAllowed: (req: IncomingMessage) => boolean = () => true): void {
    const wss = new WebSocketServer({
      server: http,
      path: WS_PATH,
      maxPayload: 100_000,
      verifyClient: ({ req }, done) => (originAllowed(req) ? done(true) : done(false, 403, 'Origin not allowed (CORS_ORIGINS)')),
    });
    this.wss = wss;
    useServer<{ authorization?: string }, { authorization?: string }>(
      {
        schema: () => this.schema!,
        onConnect: async (ctx) => {
          const authorization = ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization;
          try {
            await this.identityOf(typeof authorization === 'string' ? authorization : undefined);
          } catch {
            return false;
          }
          ctx.extra.authorization = typeof authorization === 'string' ? authorization : undefined;
          return true;
        },
        onSubscribe: async (ctx, _id, payload) => {
          const socket = ctx.extra.socket as WebSocket;
          try {
            return await this.open({
              authorization: (ctx.extra as { authorization?: string }).authorization,
              acceptLanguage: acceptLanguageOf(ctx.connectionParams, ctx.extra.request),
              address: this.options.clientAddress(ctx.extra.request),
              query: payload.query,
              operationName: payload.operationName,
              variables: payload.variables,
              extensions: payload.extensions,
              backedUp: () => socket.bufferedAmount > this.limits.maxBufferedBytes,
            });
          } catch (error) {
            return [error instanceof GraphQLError ? error : refusal('INTERNAL_SERVER_ERROR', 'Internal server error.')];
          }
        },
        subscribe: (args) => withGraphQLErrors((args.contextValue as SubscriptionContext).live.stream()) as never,
      },
      wss,
    );
    // Heartbeat: a connection that did not answer the last ping is gone.
    const alive = new WeakSet<WebSocket>();
    wss.on('connection', (socket) => {
      alive.add(socket);
      socket.on('pong', () => alive.add(socket));
    });
    const timer = setInterval(() => {
      for (const socket of wss.clients) {
        if (!alive.has(socket)) {
          socket.terminate();
          continue;
        }
        alive.delete(socket);
        socket.ping();
      }
    }, this.limits.heartbeatMs);
    timer.unref();
    wss.on('close', () => clearInterval(timer));
  }
}

/**
 * A graphql-ws connection's Accept-Language: in its init payload (`acceptLanguage` or
 * `accept-language`, as a browser's WebSocket cannot set headers), else the upgrade request's header.
 */
function acceptLanguageOf(connectionParams: Record<string, unknown> | undefined, request: IncomingMessage): string | undefined {
  const given = connectionParams?.acceptLanguage ?? connectionParams?.['accept-language'];
  return typeof given === 'string' ? given : request.headers['accept-language'];
}

/** An SSE response's payloads handed to graphql-sse and not yet written, and (distinct connections) their event ids in order. */
interface SseBacklog {
  queued: number;
  eventIds: (number | undefined)[];
}

/** Counts payloads the subscription hands to graphql-sse, so the transport's backlog is known; notes their ids for `id:`. */
function wrapCounting(context: SubscriptionContext, backlog: SseBacklog, withIds: boolean): void {
  const live = context.live;
  const stream = live.stream.bind(live);
  live.stream = () =>
    mapStream(stream(), (value) => {
      backlog.queued++;
      if (withIds) backlog.eventIds.push(live.eventIdOf(value));
      return value;
    });
}

/** A reconnect's Last-Event-ID stands for after: when the document gives none (the argument wins). */
function withLastEventId(plan: DeliveryPlan, lastEventId: string | undefined): DeliveryPlan {
  if (plan.after !== null || lastEventId === undefined || lastEventId === '') return plan;
  const after = Number(lastEventId);
  if (!Number.isSafeInteger(after) || after < 0) throw refusal('BAD_USER_INPUT', 'Last-Event-ID must be an event id this stream sent.');
  return { ...plan, after };
}

/** graphql-ws serializes errors with toJSON: it wants GraphQLError instances, not formatted ones. */
function withGraphQLErrors(stream: AsyncIterableIterator<FormattedExecutionResult>) {
  return mapStream(stream, (result) =>
    result.errors ? { ...result, errors: result.errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) } : result,
  );
}

/** `source` with each value mapped; return() reaches the source at once (a generator's would wait for its next value). */
function mapStream<T, U>(source: AsyncIterableIterator<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  const iterator: AsyncIterableIterator<U> = {
    next: async () => {
      const r = await source.next();
      return r.done ? { done: true, value: undefined } : { done: false, value: map(r.value) };
    },
    // Both present: the transports end only what looks like an async generator.
    return: async () => {
      await source.return?.();
      return { done: true, value: undefined };
    },
    throw: async () => {
      await source.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n <= 0) counts.delete(key);
  else counts.set(key, n);
}

function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** A refused typed literal or variable as /graphql reports it: BAD_USER_INPUT naming its field (kit's namedInputError). */
function namedRefusal(error: GraphQLError, code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT'): GraphQLError {
  const named = namedInputError({ message: error.message, extensions: { code } }, error);
  if (named) return refusal('BAD_USER_INPUT', error.message, { field: named.extensions!.field });
  return code === 'BAD_USER_INPUT' ? refusal(code, error.message) : error;
}

/**
 * The variables as the typed scalars read them (p-codes in capitals, bad values refused), so the
 * filter that picks events compares what /graphql would; execution coerces the raw ones again.
 */
function coercedVariables(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): Record<string, unknown> {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions ?? [];
  const result = getVariableValues(schema, definitions, variables, { maxErrors: 1 });
  if (result.errors) throw namedRefusal(result.errors[0]!, 'BAD_USER_INPUT');
  return result.coerced;
}

const STATUS_BY_CODE: Record<string, number> = { UNAUTHENTICATED: 401, OPERATION_NOT_TRUSTED: 403, SUBSCRIPTION_LIMIT: 429, SERVICE_UNAVAILABLE: 503 };

/** A refused subscription over SSE: the status the code calls for, and a GraphQL error body naming the problem. */
function sseRefusal(error: unknown): [string, { status: number; statusText: string; headers: Record<string, string> }] {
  const e = error instanceof GraphQLError ? error : refusal('INTERNAL_SERVER_ERROR', 'Internal server error.');
  const code = String(e.extensions.code ?? 'BAD_REQUEST');
  const status = STATUS_BY_CODE[code] ?? (code === 'INTERNAL_SERVER_ERROR' ? 500 : 400);
  return [JSON.stringify({ errors: [e.toJSON()] }), { status, statusText: code, headers: { 'content-type': 'application/json; charset=utf-8' } }];
}
