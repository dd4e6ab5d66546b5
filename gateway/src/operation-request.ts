import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { HttpError, parseBody, type ParsedGraphQLRequest } from '@peacegraph/kit';
import { checkTokenLimit, type OperationLimits } from './limits';
import type { OperationRegistry } from './persisted-operations';

/** An HTTP-level refusal with GraphQL-shaped extensions (limit, max, found …). */
export class RequestRejection extends HttpError {
  constructor(
    status: number,
    message: string,
    code: string,
    readonly extensions: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(status, message, code, headers);
  }
}

export interface OperationRequestRules {
  registry: OperationRegistry;
  trustedOperationsOnly: boolean;
  limits: OperationLimits | false;
}

interface OperationFields {
  query?: unknown;
  extensions?: unknown;
  documentId?: unknown;
}

/**
 * Everything decided before Apollo sees the request: only JSON bodies on POST (text/plain and
 * form posts are what a cross-site form can send), no batches, persisted operations resolved
 * by id, the trusted-operations rule, and the token limit.
 */
export function prepareOperationRequest(req: IncomingMessage, rawBody: string, rules: OperationRequestRules): ParsedGraphQLRequest {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (method === 'GET') {
    const params = Object.fromEntries(url.searchParams) as Record<string, string>;
    const fields: OperationFields = { query: params.query, documentId: params.documentId, extensions: parseJsonParam(params.extensions, 'extensions') };
    const query = resolveOperation(fields, rules);
    if (query !== undefined) {
      url.searchParams.set('query', query);
      const extensions = withoutPersistedQuery(fields.extensions);
      if (extensions) url.searchParams.set('extensions', JSON.stringify(extensions));
      else url.searchParams.delete('extensions');
    }
    url.searchParams.delete('documentId');
    return { body: undefined, search: url.search };
  }
  if (method !== 'POST') {
    throw new RequestRejection(405, 'GraphQL accepts GET (queries only) and POST.', 'METHOD_NOT_ALLOWED', {}, { allow: 'GET, POST' });
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new RequestRejection(
      415,
      `POST bodies must be application/json (got ${mediaType || 'no content-type'}); text/plain and form posts are refused.`,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  }
  const body = parseBody(rawBody, 'application/json');
  if (Array.isArray(body)) {
    throw new RequestRejection(400, 'Batched operations are not accepted: send one operation per request.', 'BAD_REQUEST');
  }
  if (body && typeof body === 'object') {
    const fields = body as OperationFields & Record<string, unknown>;
    const query = resolveOperation(fields, rules);
    if (query !== undefined) {
      fields.query = query;
      const extensions = withoutPersistedQuery(fields.extensions);
      if (extensions) fields.extensions = extensions;
      else delete fields.extensions;
    }
    delete fields.documentId;
  }
  return { body, search: url.search };
}

/**
 * Once the document comes from the manifest, the APQ extension has done its job: removing it
 * keeps Apollo's APQ cache (off in trusted-only mode) out of the way.
 */
function withoutPersistedQuery(extensions: unknown): Record<string, unknown> | undefined {
  if (!extensions || typeof extensions !== 'object') return undefined;
  const { persistedQuery: _ignored, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length ? rest : undefined;
}

function parseJsonParam(value: string | undefined, name: string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new RequestRejection(400, `The ${name} parameter is not valid JSON.`, 'BAD_REQUEST');
  }
}

/** The document to run (from the manifest when sent by id), or undefined to leave as sent. */
function resolveOperation(fields: OperationFields, rules: OperationRequestRules): string | undefined {
  const { registry } = rules;
  if (typeof fields.documentId === 'string') {
    const op = registry.byIdOrNull(fields.documentId);
    if (!op) throw new RequestRejection(400, `Unknown documentId "${fields.documentId.slice(0, 80)}": not in the persisted-operations manifest.`, 'PERSISTED_QUERY_NOT_FOUND');
    return op.body;
  }
  const hash = (fields.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  if (typeof fields.query !== 'string' && typeof hash === 'string') {
    const op = registry.byIdOrNull(hash);
    if (op) return op.body;
    if (rules.trustedOperationsOnly) {
      throw new RequestRejection(400, 'This gateway runs trusted operations only, and this hash is not in the manifest.', 'PERSISTED_QUERY_NOT_FOUND');
    }
    return undefined; // automatic persisted queries: Apollo answers PERSISTED_QUERY_NOT_FOUND or runs it from its cache
  }
  if (typeof fields.query === 'string') {
    if (rules.trustedOperationsOnly && !registry.hasDocument(fields.query)) {
      throw new RequestRejection(403, 'This gateway runs trusted operations only: send a documentId from the persisted-operations manifest.', 'OPERATION_NOT_TRUSTED');
    }
    if (rules.limits) {
      try {
        checkTokenLimit(fields.query, rules.limits);
      } catch (error) {
        if (error instanceof GraphQLError) {
          const { limit, max, found } = error.extensions as Record<string, unknown>;
          throw new RequestRejection(400, error.message, 'GRAPHQL_VALIDATION_FAILED', { limit, max, found });
        }
        throw error;
      }
    }
  }
  return undefined;
}
