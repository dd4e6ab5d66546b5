// Hive Gateway (@graphql-hive/gateway) over our subgraphs, for operators who move off the Node
// gateway: it signs each subgraph request with the caller's verified identity exactly as our
// gateway does (kit's signIdentity over the body). Used by the benchmark and the scale-out test.
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { signIdentity, type Identity } from '@peacegraph/kit';
import { createAuthenticator, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';

export async function createHiveGateway(supergraph: string, subgraphUrls: Record<string, string>, signingSecret: string, jwtSecret: string) {
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
    // would share the first one's answer. Off — it would leak across policy scopes.
    transportEntries: Object.fromEntries(
      Object.entries(subgraphUrls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: false } }]),
    ),
    plugins: () => [signing],
    logging: false,
  });
}
