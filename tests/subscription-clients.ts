// Real subscription clients for the end-to-end tests: graphql-sse (both modes) and graphql-ws.
import { SignJWT } from 'jose';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { DEMO_IDENTITIES } from '@peacegraph/reference';
import { TEST_JWT_SECRET } from './harness';

export type Transport = 'sse' | 'sse-single' | 'ws';

export interface Received {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestSubscription {
  received: Received[];
  /** Set once the stream completed (server ended it, or error). */
  ended: Promise<void>;
  error: unknown;
  /** Resolves once `n` messages arrived; fails after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): void;
}

/** A token for a demo audience, with another subject or lifetime if asked. */
export async function tokenFor(audience: string, options: { subject?: string; expiresInSeconds?: number } = {}): Promise<string | undefined> {
  if (audience === 'public') return undefined;
  const d = DEMO_IDENTITIES.find((x) => x.audience === audience)!;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ org: d.organizationId, org_type: d.organizationType, roles: d.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? d.subject)
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

export async function subscribe(
  gatewayUrl: string,
  transport: Transport,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  /** Sent as the SSE request's Accept-Language header, or in graphql-ws' init payload. */
  options: { acceptLanguage?: string } = {},
): Promise<TestSubscription> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  let endResolve!: () => void;
  const ended = new Promise<void>((r) => (endResolve = r));
  const state: { error: unknown } = { error: undefined };
  const authorization = token ? `Bearer ${token}` : undefined;
  const sink = {
    next: (value: unknown) => {
      received.push(value as Received);
      for (const w of waiters.splice(0)) w();
    },
    error: (error: unknown) => {
      state.error = error;
      endResolve();
      for (const w of waiters.splice(0)) w();
    },
    complete: () => {
      endResolve();
      for (const w of waiters.splice(0)) w();
    },
  };
  let dispose: () => void;
  if (transport === 'ws') {
    const client = createWsClient({
      url: gatewayUrl.replace(/^http/, 'ws').replace(/\/graphql$/, '/graphql/ws'),
      webSocketImpl: WebSocket,
      connectionParams: { ...(authorization ? { authorization } : {}), ...(options.acceptLanguage ? { acceptLanguage: options.acceptLanguage } : {}) },
      retryAttempts: 0,
      lazy: false,
    });
    const unsubscribe = client.subscribe({ query, variables }, sink as never);
    dispose = () => {
      unsubscribe();
      void client.dispose();
    };
  } else {
    const client = createSseClient({
      url: gatewayUrl.replace(/\/graphql$/, '/graphql/stream'),
      headers: { ...(authorization ? { authorization } : {}), ...(options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}) },
      singleConnection: transport === 'sse-single',
      retryAttempts: 0,
    });
    const unsubscribe = client.subscribe({ query, variables }, sink as never);
    dispose = () => {
      unsubscribe();
      client.dispose();
    };
  }
  const subscription: TestSubscription = {
    received,
    ended,
    get error() {
      return state.error;
    },
    waitFor(n, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} messages; got ${JSON.stringify(received)}; error ${String(state.error)}`)), timeoutMs);
        const check = () => {
          if (received.length >= n) {
            clearTimeout(timer);
            resolve(received);
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => dispose(),
  };
  return subscription;
}
