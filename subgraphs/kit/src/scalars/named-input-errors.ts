import { getNamedType, Kind, type ASTNode, type ASTVisitor, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import { TYPED_SCALARS } from './typed-scalars';

let typedScalarNames: Set<string> | undefined; // built on first use: kit's errors module imports this one
const VALUE_KINDS = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.ENUM, Kind.NULL, Kind.LIST, Kind.OBJECT]);

/** Literal values of a typed scalar in a document, with the argument path that holds each. */
const literalFields = new WeakMap<ASTNode, string>();

/** `filter.activeOn`, `input.route[0].adminAreaPcode`: the argument path from the node's ancestors (its parent last). */
function fieldPathOf(path: readonly (string | number)[], ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  let field = '';
  ancestors.forEach((ancestor, i) => {
    if (Array.isArray(ancestor)) return;
    const node = ancestor as ASTNode;
    if (node.kind === Kind.FIELD) field = '';
    else if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) field += (field ? '.' : '') + node.name.value;
    else if (node.kind === Kind.LIST) field += `[${String(path[i + 1])}]`;
  });
  return field;
}

/**
 * Validation rule: remembers where each literal of a typed scalar (Date, CountryCode, PCode,
 * Decimal …) sits, so a refused literal can be reported as BAD_USER_INPUT naming its field
 * (graphql-js reports it as a validation failure of the document, with no path).
 */
export function TypedLiteralFieldsRule(context: ValidationContext): ASTVisitor {
  return {
    enter(node, _key, parent, path, ancestors) {
      if (!VALUE_KINDS.has(node.kind)) return;
      const type = getNamedType(context.getInputType());
      typedScalarNames ??= new Set(TYPED_SCALARS.map((s) => s.name));
      if (type && typedScalarNames.has(type.name)) literalFields.set(node, fieldPathOf(path, parent ? [...ancestors, parent] : ancestors));
    },
  };
}

const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?; /s;

/**
 * A refused typed value as the client should see it: BAD_USER_INPUT with `field` — a literal
 * (found by `TypedLiteralFieldsRule`) or a variable (graphql-js names its path in the message:
 * `Variable "$filter" got invalid value … at "filter.fromDate"`). Anything else: undefined.
 */
export function namedInputError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED') {
    const node = (error as { nodes?: readonly ASTNode[] } | undefined)?.nodes?.[0];
    const field = node ? literalFields.get(node) : undefined;
    if (field === undefined) return undefined;
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', field } };
  }
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.field === undefined) {
    const match = VARIABLE_ERROR.exec(formatted.message);
    if (!match) return undefined;
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', field: match[2] ?? match[1] } };
  }
  return undefined;
}
