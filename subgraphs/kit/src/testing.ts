import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import type { BuiltSubgraph } from './build-subgraph';
import type { SubgraphContext } from './context';
import type { Database, Db } from './db';
import type { Identity } from './identity';
import { Language } from './language';
import { accessFrom, loadAgreementsFor, type Access } from './policy/access';
import { AuditLog } from './policy/audit';
import { namedInputError, TypedLiteralFieldsRule } from './scalars/named-input-errors';

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Runs one operation against a subgraph in-process, with the same context (agreements,
 * access, per-request loaders) and the same audit flush as the HTTP server. For unit tests
 * of one subgraph; end-to-end tests go through the gateway over HTTP (tests/harness.ts).
 */
export async function runSubgraphOperation<Loaders>(
  built: BuiltSubgraph,
  database: Database,
  createLoaders: (db: Db, access: Access) => Loaders,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<OperationResult> {
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: built.schema,
    includeStacktraceInErrorResponses: false,
    validationRules: [TypedLiteralFieldsRule],
    formatError: (formatted, error) => namedInputError(formatted, error) ?? formatted,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  try {
    const audit = new AuditLog(built.name, () => null);
    const access = accessFrom(identity, await loadAgreementsFor(database.db, identity), audit);
    const contextValue: SubgraphContext<Loaders> = {
      requestId: randomUUID(),
      identity,
      access,
      db: database.db,
      loaders: createLoaders(database.db, access),
      language: Language.EN,
    };
    const response = await server.executeOperation({ query, variables }, { contextValue });
    await audit.flush(database.db);
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult as OperationResult;
  } finally {
    await server.stop();
  }
}
