// Hive Gateway (@graphql-hive/gateway) over our subgraphs, for operators who move off the Node
// gateway: it signs each subgraph request with the caller's verified identity exactly as our
// gateway does (kit's signIdentity over the body). Used by the benchmark and the scale-out test.
// Two query planners: Hive's JavaScript one (the default) and its Rust one
// (@graphql-hive/router-runtime, a native addon shipped in the package: no download at run time),
// chosen by `planner` or HIVE_PLANNER=rust. Both execute through the same transports and hooks.
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { oneOf, readSetting, signIdentity, type Identity } from '@peacegraph/kit';
import { createAuthenticator, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';

export type HivePlanner = 'js' | 'rust';

export function hivePlannerFromEnv(env: NodeJS.ProcessEnv = process.env): HivePlanner {
  return readSetting('HIVE_PLANNER', oneOf(['js', 'rust']), env) ?? 'js';
}

export async function createHiveGateway(
  supergraph: string,
  subgraphUrls: Record<string, string>,
  signingSecret: string,
  jwtSecret: string,
  planner: HivePlanner = hivePlannerFromEnv(),
) {
  const authenticate = await createAuthenticator({ kind: 'hs256', secret: jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
  // Signatures name their target subgraph (identity.ts): which one a fetch goes to, by its URL.
  const subgraphAt = new Map(Object.entries(subgraphUrls).map(([name, location]) => [location, name]));
  const signing: GatewayPlugin = {
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request: Request }).request;
      extendContext({ peacegraphIdentity: await authenticate(request.headers.get('authorization') ?? undefined) } as never);
    },
    onFetch({ url, options, setOptions, context }) {
      const identity = (context as { peacegraphIdentity?: Identity }).peacegraphIdentity;
      const subgraph = subgraphAt.get(url);
      if (!identity || !subgraph) return;
      const body = typeof options.body === 'string' ? options.body : '';
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signIdentity(signingSecret, identity, body, { subgraph }) } });
    },
  };
  return createGatewayRuntime({
    supergraph,
    // Hive deduplicates identical in-flight subgraph queries by URL and body only: the identity is
    // signed in onFetch, after that key is taken, so two agencies asking the same thing at once
    // would share the first one's answer. Off — it would leak across policy scopes. The Rust
    // planner sends through these same transports (tests/gateway/hive-peer-isolation.e2e.test.ts).
    transportEntries: Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: false } }]),
    ),
    // Loaded only when chosen, so the JS-planner process carries none of it (its RSS is reported).
    ...(planner === 'rust' ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler } : {}),
    plugins: () => [signing],
    logging: false,
  });
}
