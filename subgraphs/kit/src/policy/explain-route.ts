import { getNamedType, getNullableType, isListType, isNonNullType, isObjectType, Kind, parse, type GraphQLSchema } from 'graphql';
import { HttpError } from '../http';
import type { BuiltSubgraph } from '../build-subgraph';
import type { Access } from './access';
import { DataClass } from './data-class';
import { explainAccess, type RowLookup } from './explain';
import type { TypePolicy } from './field-policy';
import type { SignedRoute } from '../serve-subgraph';

/** The gateway asks each subgraph about the fields it serves here (gateway/src/explain). */
export const EXPLAIN_PATH = '/explain';

/** Runs an operation on this subgraph's own schema as the caller (the serving path: loaders, scope, shield). */
export type ExecuteAs = (query: string, variables: Record<string, unknown>, access: Access) => Promise<{ data?: Record<string, unknown> | null }>;

/**
 * GET /explain?typename=&field=&id= → the AccessExplanation for the signed caller, as JSON.
 * Signed by the gateway like every subgraph request; the gateway validates the names against
 * the API schema first, so a 400 here means a routing mistake, not a caller's.
 */
export function explainRoute(built: BuiltSubgraph, executeAs: ExecuteAs): SignedRoute {
  const policies = new Map(built.policies.map((p) => [p.type, p]));
  const keys = entityKeys(built.sdl);
  return async ({ url, access, db }) => {
    const typename = url.searchParams.get('typename') ?? '';
    const fieldName = url.searchParams.get('field') ?? '';
    const id = url.searchParams.get('id');
    const policy = policies.get(typename);
    const field = policy?.fields.find((f) => f.field === fieldName);
    if (!policy || !field) throw new HttpError(400, `${typename}.${fieldName} is not served by the ${built.name} subgraph.`, 'BAD_USER_INPUT');
    const lookup = typename === 'Query' ? null : rowLookup(built.schema, policy, keys.get(typename), (q, v) => executeAs(q, v, access));
    if (typename !== 'Query' && !lookup) throw new HttpError(400, `${typename} rows cannot be looked up by id in the ${built.name} subgraph.`, 'BAD_USER_INPUT');
    if (lookup && id === null) throw new HttpError(400, 'id is required for a field of a row.', 'BAD_USER_INPUT');
    const explanation = await explainAccess({
      question: { typename, field: fieldName, id: typename === 'Query' ? null : id },
      policy,
      field,
      rowClass: (row) => rowClassOf(policy, row),
      lookup,
      access,
      db,
    });
    return { contentType: 'application/json', body: JSON.stringify(explanation) };
  };
}

/** The class a row needs to be seen at all: its sensitivity class when flagged, else its key field's (as the conformance matrix judges rows). */
function rowClassOf(policy: TypePolicy, row: Record<string, unknown> | null): DataClass {
  const { sensitiveWhen, sensitiveClass, id } = policy.scope;
  if (row && sensitiveWhen && sensitiveClass && row[sensitiveWhen] === true) return sensitiveClass;
  const key = policy.fields.find((f) => f.field === (id ?? 'id')) ?? policy.fields.find((f) => ['id', 'pcode', 'iso3', 'code'].includes(f.field));
  return key?.dataClass ?? DataClass.PUBLIC;
}

/**
 * How this subgraph serves one row by id: its root lookup field for the type (incident(id:),
 * adminArea(pcode:) …), else the entity's reference resolver (`_entities`). Either way the
 * row comes back only if the caller may see it. Selects what the decision reads: the key, the
 * row's scope keys and the flags that decide sensitivity and coarsening.
 */
function rowLookup(schema: GraphQLSchema, policy: TypePolicy, key: string | undefined, run: (query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null }>): RowLookup | null {
  const type = schema.getType(policy.type);
  if (!isObjectType(type)) return null;
  const own = type.getFields();
  const { mission, area, owner, sensitiveWhen } = policy.scope;
  const wanted = [key, mission, area, owner, sensitiveWhen, ...policy.fields.map((f) => f.coarsenedWhen)].filter((n): n is string => !!n && n in own);
  const selection = [...new Set(wanted)].join(' ') || '__typename';
  const root = Object.values(schema.getQueryType()?.getFields() ?? {}).find((f) => {
    if (getNamedType(f.type) !== type || isListType(getNullableType(f.type)) || f.name.startsWith('_')) return false;
    const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    return required.length <= 1 && f.args.some((a) => a.name === (key ?? 'id') || (required.length === 1 && required[0] === a));
  });
  if (root) {
    const arg = root.args.find((a) => a.name === (key ?? 'id')) ?? root.args.find((a) => isNonNullType(a.type))!;
    const baseType = String(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
    const query = `query ExplainRow($id: ${baseType}!) { row: ${root.name}(${arg.name}: $id) { ${selection} } }`;
    return async (id) => ((await run(query, { id })).data?.row as Record<string, unknown> | null | undefined) ?? null;
  }
  if (!key) return null;
  const query = `query ExplainRow($r: [_Any!]!) { _entities(representations: $r) { ... on ${policy.type} { ${selection} } } }`;
  return async (id) => (((await run(query, { r: [{ __typename: policy.type, [key]: id }] })).data?._entities as (Record<string, unknown> | null)[] | undefined)?.[0] ?? null);
}

/** Single-field @key of each entity in a subgraph's SDL. */
function entityKeys(sdl: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind === Kind.STRING && /^\w+$/.test(fields.value.trim()) && !keys.has(definition.name.value)) keys.set(definition.name.value, fields.value.trim());
    }
  }
  return keys;
}
