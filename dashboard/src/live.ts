// The dashboard's live feed: a persisted subscription over GraphQL over SSE (graphql-sse's client,
// bundled — nothing is loaded from another host) to the gateway's /graphql/stream on this origin.
// Like every other operation it is sent by id only (works with TRUSTED_OPERATIONS_ONLY=1).
import { createClient } from 'graphql-sse';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLError } from './api';

export const STREAM_PATH = '/graphql/stream';

type PersistedDocument<T, V> = TypedDocumentNode<T, V> & { __meta__?: { hash?: string } };

export interface LiveSink<T> {
  /** The stream is open: from now on, new events arrive. */
  connected(): void;
  next(data: T, errors: GraphQLError[]): void;
  /** The stream ended or failed (the gateway restarted, the token expired, the network dropped). */
  dropped(reason: string): void;
}

/** Subscribes; returns the function that ends it. */
export function subscribeLive<T, V>(document: PersistedDocument<T, V>, variables: V, token: string | null, sink: LiveSink<T>): () => void {
  const documentId = document.__meta__?.hash;
  if (!documentId) throw new Error('A subscription without a persisted id: run the dashboard codegen.');
  const client = createClient({
    url: STREAM_PATH,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    // A drop is shown and retried by the view (with after: the last event), not silently here.
    retryAttempts: 0,
    on: { connected: () => sink.connected() },
  });
  // graphql-sse's server parser wants a query string; the gateway takes the document by its id.
  const dispose = client.subscribe<T>(
    { query: '', variables: variables as Record<string, unknown>, extensions: { documentId } },
    {
      next: (result) => {
        const errors = (result.errors ?? []) as unknown as GraphQLError[];
        const ending = errors.find((e) => !result.data && e.extensions?.code);
        if (ending) sink.dropped(ending.message);
        else if (result.data) sink.next(result.data as T, errors);
      },
      error: (error) => sink.dropped(error instanceof Error ? error.message : String((error as { message?: string })?.message ?? error)),
      complete: () => sink.dropped('The stream ended.'),
    },
  );
  return () => {
    dispose();
    client.dispose();
  };
}
