import type { GatewayConfig } from '@apollo/gateway';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isObjectType,
  Kind,
  parse,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type PassThrough = NonNullable<GatewayConfig['singleFetchPassThrough']>;
type QueryPlan = Parameters<PassThrough>[0];
type OperationContext = Parameters<PassThrough>[1];
type FetchNode = Extract<NonNullable<QueryPlan['node']>, { kind: 'Fetch' }>;

/**
 * The single-fetch shortcut (a patch of @apollo/gateway, gateway/patches/README.md): a query
 * plan that is one fetch at the root is answered with the subgraph's data as it arrived,
 * skipping @apollo/gateway's result shaping (`computeResponse`), when shaping provably would
 * copy it unchanged. Decided once per cached plan. Shaping only reads each selection's response
 * name, type, sub-selection, `@skip`/`@include` and fragments; so it is a copy when the fetch
 * selects exactly the client's fields (same response names, order and nesting: no field the
 * planner added, such as `__typename`, no renamed alias), the client's operation has no fragment
 * and no directive, every object reached is of an object type (no `__typename` to resolve) and
 * every enum reached has all its supergraph values in the API (none to null out). What then
 * remains of shaping is the nullability and leaf-value checks, which a subgraph already made:
 * composition gives every field a type at least as nullable as each subgraph's, and the
 * subgraph's graphql-js executor returns only valid leaves and propagates its nulls itself.
 * The fetch, its errors (paths, codes) and everything Apollo Server does around it are unchanged.
 */
export function singleFetchPassThrough(onDecision?: (operationName: string | null, passes: boolean) => void): PassThrough {
  const decided = new WeakMap<QueryPlan, boolean>();
  return (plan, operationContext, supergraphSchema) => {
    let passes = decided.get(plan);
    if (passes === undefined) {
      passes = plan.node?.kind === 'Fetch' && fetchAnswersAsShaped(plan.node, operationContext, supergraphSchema);
      decided.set(plan, passes);
      onDecision?.(operationContext.operation.name?.value ?? null, passes);
    }
    return passes;
  };
}

export function fetchAnswersAsShaped(fetch: FetchNode, operationContext: OperationContext, supergraphSchema: GraphQLSchema): boolean {
  if (fetch.requires || fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) return false;
  const document = fetch.operationDocumentNode ?? parse(fetch.operation);
  if (document.definitions.length !== 1 || document.definitions[0]!.kind !== Kind.OPERATION_DEFINITION) return false; // planner fragments
  const fetched = document.definitions[0] as OperationDefinitionNode;
  const asked = operationContext.operation;
  if (fetched.operation !== asked.operation) return false;
  const root = operationContext.schema.getRootType(asked.operation);
  return !!root && sameSelections(asked.selectionSet, fetched.selectionSet, root, supergraphSchema);
}

function sameSelections(asked: SelectionSetNode, fetched: SelectionSetNode, parent: GraphQLObjectType, supergraph: GraphQLSchema): boolean {
  if (asked.selections.length !== fetched.selections.length) return false;
  const responseNames = new Set<string>();
  for (let i = 0; i < asked.selections.length; i++) {
    const a = asked.selections[i]!;
    const f = fetched.selections[i]!;
    if (a.kind !== Kind.FIELD || f.kind !== Kind.FIELD || a.directives?.length || f.directives?.length) return false;
    const name = a.name.value;
    const responseName = a.alias?.value ?? name;
    // A repeated response name is merged by shaping (and the planner): not a plain copy.
    if (f.name.value !== name || (f.alias?.value ?? f.name.value) !== responseName || responseNames.has(responseName)) return false;
    responseNames.add(responseName);
    if (name === '__typename') continue; // the parent is an object type: its own name either way
    const definition = parent.getFields()[name]; // undefined for __schema/__type: never sent to a subgraph
    if (!definition) return false;
    const type = getNamedType(definition.type);
    if (isAbstractType(type)) return false;
    if (isObjectType(type)) {
      if (!a.selectionSet || !f.selectionSet || !sameSelections(a.selectionSet, f.selectionSet, type, supergraph)) return false;
      continue;
    }
    if (a.selectionSet || f.selectionSet) return false;
    if (isEnumType(type)) {
      const full = supergraph.getType(type.name);
      if (!isEnumType(full) || full.getValues().length !== type.getValues().length) return false;
    }
  }
  return true;
}
