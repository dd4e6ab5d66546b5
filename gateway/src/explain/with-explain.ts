import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, extendSchema, GraphQLError, Kind, parse, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import { EXPLAIN_SDL, explainResolver, type ExplainOptions } from './explain-access';

const EXPLAIN_FIELD = 'explainAccess';

type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];

/**
 * Apollo's gateway plans only what the subgraphs define; explainAccess is the gateway's own
 * (it routes by its arguments, which a query plan cannot). This wrapper gives Apollo Server the
 * API schema plus that field, and runs operations that ask it here — every other operation goes
 * to the gateway's executor untouched. Limits, persisted operations, the response cache and
 * error masking apply to both, as they run around the executor.
 */
export function withExplainAccess(inner: ApolloGateway, options: ExplainOptions): GatewayInterface {
  const resolve = explainResolver(options);
  let extended: GraphQLSchema | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      return inner.onSchemaLoadOrUpdate(({ apiSchema: loaded, coreSupergraphSdl }) => {
        extended = extendSchema(loaded, parse(EXPLAIN_SDL));
        // On the field itself: Apollo Server wraps every field's resolver of the schema it is given.
        extended.getQueryType()!.getFields()[EXPLAIN_FIELD]!.resolve = (_root, args, ctx: GatewayContext) =>
          resolve(args as { typename: string; field: string; id?: string | null }, ctx, loaded);
        callback({ apiSchema: extended, coreSupergraphSdl });
      });
    },
    async load(config) {
      const { executor } = await inner.load(config);
      return {
        executor: async (requestContext) => {
          const selections = requestContext.operation.selectionSet.selections;
          const asks = selections.some((s) => s.kind === Kind.FIELD && s.name.value === EXPLAIN_FIELD);
          if (!asks) return executor!(requestContext);
          const own = selections.every((s) => s.kind === Kind.FIELD && (s.name.value === EXPLAIN_FIELD || s.name.value === '__typename'));
          if (!own) {
            return { errors: [new GraphQLError(`${EXPLAIN_FIELD} is answered in an operation of its own: ask it without other root fields or fragments.`, { extensions: { code: 'BAD_USER_INPUT' } })] };
          }
          return execute({
            schema: extended!,
            document: requestContext.document,
            operationName: requestContext.operationName,
            variableValues: requestContext.request.variables,
            contextValue: requestContext.context,
            rootValue: {},
          });
        },
      };
    },
    stop: () => inner.stop(),
  };
}
