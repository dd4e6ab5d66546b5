import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@peacegraph/kit';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

export interface GatewayContext {
  requestId: string;
  identity: Identity;
}

/**
 * Sends the verified identity to a subgraph, signed over the exact body that goes on the
 * wire (so it can't be replayed with another query). Client headers are never forwarded:
 * RemoteGraphQLDataSource starts every subgraph request with fresh headers.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, signingSecret: string, timeoutMs: number) {
    super({ url, fetcher: signingFetcher(signingSecret, timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    const identity = (context as Partial<GatewayContext>).identity;
    // `identity` is absent only for the gateway's own requests; they go out as the public.
    headers.set(IDENTITY_HEADER, JSON.stringify(identity ?? { subject: 'gateway', organizationId: null, organizationType: null, roles: [] }));
    if ((context as Partial<GatewayContext>).requestId) headers.set('x-request-id', (context as GatewayContext).requestId);
  }
}

function signingFetcher(secret: string, timeoutMs: number): Fetcher {
  return async (url, init) => {
    const headers = new Headers(init?.headers as Record<string, string>);
    const identity = JSON.parse(headers.get(IDENTITY_HEADER) ?? 'null') as Identity;
    const body = typeof init?.body === 'string' ? init.body : '';
    for (const [name, value] of Object.entries(signIdentity(secret, identity, body))) headers.set(name, value);
    // No per-subgraph timeout in @apollo/gateway itself: abort here so a dead subgraph costs
    // at most `timeoutMs` and yields partial data with an error at its path.
    const response = await fetch(url, { ...(init as RequestInit), headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return response as unknown as Awaited<ReturnType<Fetcher>>;
  };
}
