import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';

const UNKNOWN_DIRECTIVE = /^Unknown directive "@[^"]*"/;

/**
 * Errors about the document itself, answered as one clear 400 each:
 * - N unknown directives are one error naming the first and the count (graphql-js reports one
 *   per use, so a cheap document could make the answer as large as the caller likes);
 * - an `operationName` the document does not define, or a document of several operations sent
 *   without one, is BAD_USER_INPUT naming the problem (not an executor failure).
 */
export function documentErrorsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => {
            if (errors) collapseUnknownDirectives(errors as GraphQLError[]);
          };
        },
        async didResolveOperation({ document, operation, request }) {
          if (!operation) throw operationChoiceError(document, request.operationName);
        },
      };
    },
  };
}

/** In place: Apollo Server answers with the array it passed to `validationDidStart`'s end hook. */
function collapseUnknownDirectives(errors: GraphQLError[]): void {
  const unknown = errors.filter((e) => UNKNOWN_DIRECTIVE.test(e.message));
  if (unknown.length <= 1) return;
  const first = unknown[0]!;
  const collapsed = new GraphQLError(`${first.message.match(UNKNOWN_DIRECTIVE)![0]} and ${unknown.length - 1} more unknown directive use(s).`, {
    nodes: first.nodes,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', found: unknown.length },
  });
  const rest = errors.filter((e) => !UNKNOWN_DIRECTIVE.test(e.message));
  errors.splice(0, errors.length, collapsed, ...rest);
}

function operationChoiceError(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const names = document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(unnamed)'] : []));
  const listed = names.length ? names.map((n) => `"${n}"`).join(', ') : 'none';
  const message = operationName
    ? `operationName: the document defines no operation named "${operationName.slice(0, 80)}" (it defines ${listed}).`
    : `operationName: the document defines ${names.length} operations (${listed}); send operationName to choose one.`;
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'operationName', http: { status: 400 } } });
}
