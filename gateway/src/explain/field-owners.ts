import { Kind, parse, type ConstDirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

/**
 * Which subgraph serves a field, and which serves a type's rows by id, read from the
 * supergraph's join directives: explainAccess asks exactly the subgraph that would answer.
 */
export interface FieldOwners {
  /** The subgraph whose resolver serves Type.field. */
  fieldGraph(typename: string, field: string): string | null;
  /** The subgraph that serves Type rows by id (its root lookup, else its entity key), with the key's name. */
  rowGraph(typename: string): { graph: string; key: string } | null;
}

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.ENUM || value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function namedType(type: TypeNode): { name: string; list: boolean } {
  if (type.kind === Kind.NON_NULL_TYPE) return namedType(type.type);
  if (type.kind === Kind.LIST_TYPE) return { name: namedType(type.type).name, list: true };
  return { name: type.name.value, list: false };
}

export function fieldOwners(supergraphSdl: string): FieldOwners {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const types = new Map<string, ObjectTypeDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = value.directives?.find((d) => d.name.value === 'join__graph');
        if (name) graphNames.set(value.name.value, String(argument(name, 'name')));
      }
    }
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) types.set(definition.name.value, definition);
  }
  const graphOf = (enumValue: string | boolean | undefined) => (typeof enumValue === 'string' ? (graphNames.get(enumValue) ?? null) : null);
  const typeGraphs = (type: ObjectTypeDefinitionNode) =>
    (type.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => ({ graph: graphOf(argument(d, 'graph')), key: argument(d, 'key') }));
  const servingGraphs = (field: FieldDefinitionNode) =>
    (field.directives ?? [])
      .filter((d) => d.name.value === 'join__field' && argument(d, 'external') !== true)
      .map((d) => graphOf(argument(d, 'graph')))
      .filter((g): g is string => g !== null);

  function rowGraph(typename: string): { graph: string; key: string } | null {
    const type = types.get(typename);
    if (!type) return null;
    for (const field of types.get('Query')?.fields ?? []) {
      const returns = namedType(field.type);
      if (returns.list || returns.name !== typename || field.name.value.startsWith('_')) continue;
      const graph = servingGraphs(field)[0];
      if (!graph) continue;
      const key = typeGraphs(type).find((t) => t.graph === graph)?.key;
      return { graph, key: typeof key === 'string' && /^\w+$/.test(key) ? key : (field.arguments?.[0]?.name.value ?? 'id') };
    }
    // No root lookup: an entity's own subgraph resolves it by key.
    const keyed = typeGraphs(type).find((t) => typeof t.key === 'string' && /^\w+$/.test(t.key));
    return keyed?.graph ? { graph: keyed.graph, key: keyed.key as string } : null;
  }

  function fieldGraph(typename: string, fieldName: string): string | null {
    const type = types.get(typename);
    const field = type?.fields?.find((f) => f.name.value === fieldName);
    if (!type || !field) return null;
    const candidates = servingGraphs(field);
    const all = candidates.length ? candidates : typeGraphs(type).map((t) => t.graph).filter((g): g is string => g !== null);
    const row = typename === 'Query' ? null : rowGraph(typename)?.graph;
    return all.find((g) => g === row) ?? all[0] ?? null;
  }

  return { fieldGraph, rowGraph };
}
