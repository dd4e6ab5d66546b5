// The dashboard's only way to the graph: an operation typed by GraphQL Code Generator whose
// document codegen replaced by its persisted id, POSTed to the gateway's /graphql on this origin
// as `{ documentId, variables }` (works with TRUSTED_OPERATIONS_ONLY=1). Errors come back with
// the data, as GraphQL gives them: a view shows what was withheld next to what arrived.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; dataClass?: string; [key: string]: unknown };
}

export interface Result<T> {
  data: T | null;
  errors: GraphQLError[];
}

type PersistedDocument<T, V> = TypedDocumentNode<T, V> & { __meta__?: { hash?: string } };

export const GRAPHQL_PATH = '/graphql';

/**
 * `language` goes as Accept-Language: the graph's names (missions, countries) follow the
 * dashboard's language switch rather than the browser's own preference.
 */
export async function execute<T, V>(document: PersistedDocument<T, V>, variables: V, token: string | null, language: string, signal?: AbortSignal): Promise<Result<T>> {
  const documentId = document.__meta__?.hash;
  if (!documentId) throw new Error('An operation without a persisted id: run the dashboard codegen.');
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'accept-language': language, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId, variables }),
    signal,
  });
  const body = (await response.json().catch(() => null)) as { data?: T | null; errors?: GraphQLError[] } | null;
  if (!body || (!body.data && !body.errors?.length)) throw new Error(`HTTP ${response.status}`);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** FORBIDDEN errors at or under `path` (e.g. ['adminAreas']): the data classes withheld there. */
export function withheldClasses(errors: GraphQLError[], path: string): string[] {
  const classes = errors
    .filter((e) => e.extensions?.code === 'FORBIDDEN' && (e.path ?? []).filter((p) => typeof p === 'string').join('.').startsWith(path))
    .map((e) => String(e.extensions?.dataClass ?? 'RESTRICTED'));
  return [...new Set(classes)];
}

/** Errors that are not a policy decision (a subgraph down, a timeout): the result is partial. */
export function failures(errors: GraphQLError[]): GraphQLError[] {
  return errors.filter((e) => e.extensions?.code !== 'FORBIDDEN');
}
