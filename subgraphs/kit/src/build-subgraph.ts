import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { readTypePolicies, type TypePolicy } from './policy/field-policy';
import { shieldForRestrictedFields } from './policy/rules';
import { scopeInheritanceMiddleware } from './policy/scope-inheritance';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

export interface SubgraphDefinition {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns directly (entity stubs, interfaces' implementations). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity. They must scope rows themselves: shield never sees them. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

export interface BuiltSubgraph {
  name: string;
  /** Executable federated schema with the generated shield applied. */
  schema: GraphQLSchema;
  /** The subgraph SDL as composition sees it (what `_service { sdl }` returns). */
  sdl: string;
  /** Data class of every field, read from the decorators. */
  policies: TypePolicy[];
}

/**
 * type-graphql classes → a federation 2 subgraph. type-graphql 2 rc cannot emit a
 * subgraph itself: build with skipCheck, print with directives, then let
 * @apollo/subgraph rebuild it with type-graphql's resolvers plus the reference resolvers.
 */
export async function buildSubgraph(definition: SubgraphDefinition): Promise<BuiltSubgraph> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes ?? [],
    skipCheck: true,
    validate: false,
  });
  const policies = readTypePolicies(typeGraphqlSchema);
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = mergeResolvers(createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>, definition.referenceResolvers ?? {});
  const federated = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  // Scope hand-down wraps resolvers first, so shield's rules on nested objects see their row's scope.
  const schema = applyMiddleware(federated, scopeInheritanceMiddleware(federated, policies), shieldForRestrictedFields(federated, policies));
  return { name: definition.name, schema, sdl: printSubgraphSchema(federated), policies };
}

function mergeResolvers(base: GraphQLResolverMap<unknown>, extra: GraphQLResolverMap<unknown>): GraphQLResolverMap<unknown> {
  const merged: GraphQLResolverMap<unknown> = { ...base };
  for (const [type, fields] of Object.entries(extra)) {
    merged[type] = { ...(merged[type] as object), ...(fields as object) } as GraphQLResolverMap<unknown>[string];
  }
  return merged;
}
