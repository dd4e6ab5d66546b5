// Starts the whole graph in one process: four subgraphs on their ports and the gateway in
// front. Used by `pnpm start` and by the end-to-end tests (with port 0 = any free port).
// PGlite is single-process, so on the embedded database all services share this process;
// on PostgreSQL each service can also run alone (see docs/operations.md).
import { readFileSync } from 'node:fs';
import type { Database, RunningService, RunningSubgraph } from '@peacegraph/kit';
import { gatewayEnv, startGateway, type RunningGateway, type HardeningOptions, type JwtVerifierConfig, type ResponseCacheOptions, type SubscriptionLimits } from '@peacegraph/gateway';
import { SUPERGRAPH_PATH } from './compose';
import { devTokenIssuer } from './token';
import { startSubgraphs } from './services/subgraphs-in-process';

export interface StackOptions {
  database: Database;
  signingSecret: string;
  jwt: JwtVerifierConfig;
  /** 0 everywhere = free ports (tests); default = each service's port variable or default. */
  anyFreePort?: boolean;
  gatewayPort?: number;
  supergraphSdl?: string;
  subgraphTimeoutMs?: number;
  /**
   * The gateway's limits, rate limiting, trusted operations, production mode. `pnpm start`
   * passes hardeningFromEnv(); left out, the gateway runs without operation limits or rate
   * limiting (the e2e harness: its generated probe queries are deliberately large).
   */
  hardening?: Partial<HardeningOptions>;
  /** The policy-aware response cache (off when absent). */
  responseCache?: ResponseCacheOptions;
  /** Subscription limits (docs/subscriptions.md); defaults when absent. */
  subscriptionLimits?: Partial<SubscriptionLimits>;
  /** The built dashboard the gateway serves under /dashboard/ (default dashboard/dist). */
  dashboardDir?: string;
}

export interface Stack {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const subgraphs = await startSubgraphs(options);
  try {
    const gateway = await startGateway({
      limits: false,
      rateLimit: false,
      ...options.hardening,
      ...(options.responseCache ? { responseCache: options.responseCache } : {}),
      // Same process, same database handle: the gateway LISTENs and reads the outboxes through it.
      subscriptions: { database: options.database, limits: options.subscriptionLimits },
      ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
      supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
      signingSecret: options.signingSecret,
      jwt: options.jwt,
      // Development HS256 only: the dashboard's audience switcher (never in production, web.ts).
      ...(options.jwt.kind === 'hs256' ? { devTokens: devTokenIssuer(options.jwt.secret) } : {}),
      port: options.anyFreePort ? 0 : (options.gatewayPort ?? gatewayEnv().GATEWAY_PORT ?? 4000),
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? options.hardening?.subgraphTimeoutMs ?? gatewayEnv().SUBGRAPH_TIMEOUT_MS ?? 10_000,
    });
    return {
      gateway,
      subgraphs,
      async stop() {
        await gateway.stop();
        for (const s of subgraphs) await s.stop();
      },
    };
  } catch (error) {
    for (const s of subgraphs) await s.stop().catch(() => {});
    throw error;
  }
}
