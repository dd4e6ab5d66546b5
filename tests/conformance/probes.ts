// Generates probe queries from the supergraph, small enough to run for every audience:
//  - one probe per root field, selecting every leaf of what it returns (lists paged through
//    to the end, so every row's scope is judged);
//  - one probe per object-valued field T.f reachable from a root, selecting every leaf of
//    f's type at the end of the shortest path to T (intermediate levels select only keys
//    and scope fields, lists a small window). Together they reach every field, including
//    every cross-subgraph entity path, without multiplying lists into megabytes.
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { PolicyMap } from './schema-map';

/** Values for arguments, by `Type.field.argument`; `*.page` applies to every `page` argument. */
export const ARGUMENT_VALUES: Record<string, string> = {
  '*.page': '{ first: 5 }',
  'Query.mission.acronym': '"MINUSCA"',
  'Query.country.iso3': '"CAF"',
  'Query.adminArea.pcode': '"CF43"',
  'Query.organization.id': '"nrc"',
  'Query.plan.code': '"HAFG20"',
  'Mission.contributions.year': '2021',
  'Mission.costPerDeployedUniformedPerson.fiscalPeriod': '"2024/25"',
  'Query.memberStateArrears.asOf': '"2025-06-30"',
  'Query.memberStateArrears.memberStateIso3': '"NOR"',
  'Query.arrears.asOf': '"2025-06-30"',
  'Query.contributorRanking.year': '2021',
  'Query.indicators.missionId': '"MINUSCA"',
  'Query.mandateHistory.missionId': '"MINUSCA"',
  'Query.securityCouncilResolution.symbol': '"S/RES/2709 (2023)"',
};

/**
 * Lookups by id are probed with ids the oracle saw in a list probe (root field → the list
 * root field whose nodes supply the id), so the matrix needs no hard-coded ids.
 */
export const LOOKUP_SOURCES: Record<string, string> = {
  incident: 'incidents',
  escortRequest: 'escortRequests',
  fundingFlow: 'fundingFlows',
  operationalPresenceRow: 'operationalPresence',
  accessConstraint: 'accessConstraints',
};

const ROOT_PAGE = '{ first: 200, after: $after }';
/**
 * Federation internals, and agreement(id:): an agreement is visible to its parties only, so the
 * oracle's answer is not any other audience's truth; tests/subscriptions/subscriptions-agreements.e2e.test.ts
 * reads it as each party and as a stranger (null), tests/policy/agreements.e2e.test.ts the list.
 */
const SKIPPED_ROOT_FIELDS = new Set(['_entities', '_service', 'agreement']);

export interface Probe {
  name: string;
  rootField: string;
  query: string;
  /** Root lists are read page by page (`$after`) so the comparison sees every row, not a window. */
  paged: boolean;
  /** For lookups by id: the list probe whose rows supply the `$id` values. */
  idsFrom?: string;
}

export interface ProbeSet {
  probes: Probe[];
  /** Object types a probe reaches from Query. */
  reachableTypes: Set<string>;
  /** Fields left out because a required argument has no value in ARGUMENT_VALUES. */
  unreachable: string[];
}

type Field = GraphQLField<unknown, unknown>;

interface Step {
  parent: GraphQLObjectType;
  field: Field;
  args: string;
}

function isLeaf(field: Field): boolean {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named);
}

function isPage(type: GraphQLObjectType): boolean {
  return 'nodes' in type.getFields() && 'pageInfo' in type.getFields();
}

export function generateProbes(schema: GraphQLSchema, policy: PolicyMap): ProbeSet {
  const unreachable = new Set<string>();

  function argumentsFor(type: string, field: Field): string | null {
    const parts: string[] = [];
    for (const arg of field.args) {
      const value = ARGUMENT_VALUES[`${type}.${field.name}.${arg.name}`] ?? ARGUMENT_VALUES[`*.${arg.name}`];
      if (value !== undefined) parts.push(`${arg.name}: ${value}`);
      else if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
        unreachable.add(`${type}.${field.name}`);
        return null;
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  /** Every leaf of a type (what a probe judges). */
  function leaves(type: GraphQLObjectType): string {
    const parts = Object.values(type.getFields())
      .filter((f) => !f.name.startsWith('_') && isLeaf(f))
      .map((f) => {
        const args = argumentsFor(type.name, f);
        return args === null ? null : `${f.name}${args}`;
      })
      .filter((p): p is string => p !== null);
    if (isPage(type)) {
      const node = getNamedType(type.getFields().nodes!.type) as GraphQLObjectType;
      parts.push(`nodes { ${leaves(node)} } pageInfo { endCursor hasNextPage }`);
    }
    return parts.join(' ') || '__typename';
  }

  /** What an intermediate level selects: its key and the fields its rows are scoped by. */
  function anchor(type: GraphQLObjectType): string {
    const fields = type.getFields();
    const { mission, area, owner } = policy.scopeKeys(type.name) ?? {};
    const names = ['id', 'pcode', 'iso3', mission, area, owner, ...policy.conditionFields(type.name)].filter((n): n is string => !!n && n in fields);
    if (isPage(type)) names.push('pageInfo { hasNextPage }');
    return [...new Set(names)].join(' ') || '__typename';
  }

  function wrap(path: Step[], innermost: string): string {
    return path.reduceRight((inner, step, i) => {
      const target = getNamedType(step.field.type) as GraphQLObjectType;
      const own = i === path.length - 1 ? '' : anchor(target);
      // A wide window at the root, so rare nested rows (a victim, a source) are reached.
      const args = i === 0 ? step.args.replace(ARGUMENT_VALUES['*.page']!, '{ first: 200 }') : step.args;
      return `${step.field.name}${args} { ${own} ${inner} }`;
    }, innermost);
  }

  const query = schema.getQueryType()!;
  const probes: Probe[] = [];
  const shortest = new Map<string, Step[]>();
  const queue: GraphQLObjectType[] = [];

  for (const field of Object.values(query.getFields())) {
    if (SKIPPED_ROOT_FIELDS.has(field.name)) continue;
    const lookup = LOOKUP_SOURCES[field.name];
    const args = lookup ? '(id: $id)' : argumentsFor('Query', field);
    if (args === null) continue;
    const named = getNamedType(field.type);
    const paged = !!args.includes('page:') && isObjectType(named) && isPage(named);
    const rootArgs = paged ? args.replace(ARGUMENT_VALUES['*.page']!, ROOT_PAGE) : args;
    const variables = paged ? '($after: String)' : lookup ? '($id: ID!)' : '';
    const body = isObjectType(named) ? ` { ${leaves(named)} }` : '';
    probes.push({
      name: `Query.${field.name}`,
      rootField: field.name,
      query: `query Probe${variables} { ${field.name}${rootArgs}${body} }`,
      paged,
      ...(lookup ? { idsFrom: lookup } : {}),
    });
    if (lookup || !isObjectType(named)) continue;
    if (!shortest.has(named.name)) {
      shortest.set(named.name, [{ parent: query, field, args }]);
      queue.push(named);
    }
  }

  // Breadth first: the shortest path from a root to every object type.
  for (let i = 0; i < queue.length; i++) {
    const type = queue[i]!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || shortest.has(target.name)) continue;
      const args = argumentsFor(type.name, field);
      if (args === null) continue;
      shortest.set(target.name, [...shortest.get(type.name)!, { parent: type, field, args }]);
      queue.push(target);
    }
  }

  // One probe per object-valued field of every reachable type.
  for (const [typeName, path] of shortest) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || field.name.startsWith('_')) continue;
      const args = argumentsFor(type.name, field);
      if (args === null) continue;
      const innermost = `${anchor(type)} ${field.name}${args} { ${leaves(target)} }`;
      probes.push({
        name: `${type.name}.${field.name}`,
        rootField: path[0]!.field.name,
        query: `query Probe { ${wrap(path, innermost)} }`,
        paged: false,
      });
    }
  }
  return { probes, reachableTypes: new Set(shortest.keys()), unreachable: [...unreachable].sort() };
}
