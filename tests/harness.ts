// Starts the real stack (four subgraphs + gateway over HTTP) on a fresh, migrated and
// seeded database, on free ports. End-to-end tests talk to it like any client.
import { randomBytes } from 'node:crypto';
import { agreementCacheSettled, migrateAll, type Database } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, type SubscriptionLimits } from '@peacegraph/gateway';
import { seedAll } from '../scripts/seed/seed-all';
import { startStack, type Stack, type StackOptions } from '../scripts/stack';
import { mintDevToken } from '../scripts/token';
import type { TestDatabaseKind } from './databases';

export const TEST_JWT_SECRET = 'peacegraph-test-jwt-secret-0123456789abcdef';

export interface TestStack {
  database: Database;
  stack: Stack;
  gatewayUrl: string;
  signingSecret: string;
  subgraphUrl(name: string): string;
  /** A valid token for a seeded demo audience ('public' → no token). */
  tokenFor(audience: string): Promise<string | undefined>;
  /** POST a GraphQL operation to the gateway as `audience`. */
  query<T = Record<string, unknown>>(audience: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
  text: string;
}

export interface TestStackOptions {
  seed?: boolean;
  subgraphTimeoutMs?: number;
  /** Gateway hardening, e.g. `{ trustedOperationsOnly: true }` (default: none, see scripts/stack.ts). */
  hardening?: StackOptions['hardening'];
  dashboardDir?: string;
  subscriptionLimits?: Partial<SubscriptionLimits>;
}

export async function startTestStack(kind: TestDatabaseKind, options: TestStackOptions = {}): Promise<TestStack> {
  const seeded = options.seed !== false && kind.createSeeded;
  const database = seeded ? await kind.createSeeded!() : await kind.create();
  if (!seeded) {
    await migrateAll(database);
    if (options.seed !== false) await seedAll(database);
  }
  const signingSecret = randomBytes(32).toString('base64url');
  const stack = await startStack({
    database,
    signingSecret,
    jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
    anyFreePort: true,
    subgraphTimeoutMs: options.subgraphTimeoutMs,
    subscriptionLimits: options.subscriptionLimits,
    hardening: options.hardening,
    dashboardDir: options.dashboardDir,
  });
  // Steady state before any test: subgraphs read agreements on every request until the cache listens.
  await agreementCacheSettled(database);
  const gatewayUrl = stack.gateway.url;
  const tokenFor = async (audience: string) => (audience === 'public' ? undefined : mintDevToken(audience, { secret: TEST_JWT_SECRET }));
  return {
    database,
    stack,
    gatewayUrl,
    signingSecret,
    subgraphUrl: (name) => stack.subgraphs.find((s) => s.name === name)!.url,
    tokenFor,
    async query<T>(audience: string, query: string, variables?: Record<string, unknown>) {
      const token = await tokenFor(audience);
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text) as GraphQLResponse<T>['body'], text };
    },
    async stop() {
      await stack.stop();
      await database.close();
    },
  };
}
