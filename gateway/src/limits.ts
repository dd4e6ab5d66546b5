import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '@peacegraph/kit';

/**
 * The operation limits, set for this schema. The deepest useful dashboard query
 * (mission → incidents → nodes → adminArea → country → name) is 6 levels; a missions page of
 * 50 with contributions and budgets costs about 2,000. Documented in docs/operations.md.
 */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Weighted cost: each field 1, a paged list's selections × its page size. */
  maxCost: number;
  /** Largest `page.first` (the subgraphs refuse more too; the gateway says so before any fetch). */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 25_000,
  maxPageSize: MAX_PAGE_SIZE,
};

/** Every limit rejection carries the same extensions: which limit, its value, what was found. */
function limitError(limit: keyof OperationLimits, max: number, found: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, found, http: { status: 400 } } });
}

/**
 * graphql-armor's depth, alias and directive rules (validation: Apollo answers 400). Their
 * messages already name limit and value ("Query depth limit of 10 exceeded, found 11."); the
 * extensions add them machine-readably. Cost and tokens are ours (see below).
 */
export function armorProtection(limits: OperationLimits) {
  const report = (limit: keyof OperationLimits) => (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    ctx?.reportError(limitError(limit, limits[limit], found, error.message.replace(/^Syntax Error: /, '')));
  };
  const armor = new ApolloArmor({
    // Apollo's hideSchemaDetailsFromClientErrors does this in production; armor's copy also
    // covers development errors that would otherwise list field names.
    blockFieldSuggestion: { enabled: false },
    // armor's cost limit cannot weight a list by its `page.first` argument: ours does.
    costLimit: { enabled: false },
    // armor's token limit throws inside Apollo's parsing hook (a 500); we count tokens before Apollo.
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true, flattenFragments: true, propagateOnRejection: false, onReject: [report('maxDepth')] },
    maxAliases: { n: limits.maxAliases, exposeLimits: true, propagateOnRejection: false, onReject: [report('maxAliases')] },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true, propagateOnRejection: false, onReject: [report('maxDirectives')] },
  });
  const { validationRules } = armor.protect();
  return { validationRules };
}

/** Counts lexical tokens (bounded by the body cap) and refuses documents above the limit. */
export function checkTokenLimit(query: string, limits: OperationLimits): void {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    return; // a syntax error: Apollo's parser reports it with its location
  }
  if (count > limits.maxTokens) {
    throw limitError('maxTokens', limits.maxTokens, count, `Token limit of ${limits.maxTokens} exceeded, found ${count}.`);
  }
}

/**
 * Cost weighted by page size, computed once variables are known (a validation rule cannot see
 * them, and `page: $page` is how dashboards page). A field costs 1; a field with a `page`
 * argument multiplies its selections by `page.first` (default 50); `top`/`first` arguments
 * count the same way. Also refuses `page.first` above the cap before any subgraph is asked.
 */
export function costLimitPlugin<C extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) checkCost(document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}

/** Throws the maxCost error when the operation's weighted cost is over the limit (subscriptions check their documents with it too). */
export function checkCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: OperationLimits): void {
  const cost = new CostWalk(fragmentsOf(document), withDeclaredDefaults(operation, variables), limits).selectionCost(operation.selectionSet);
  if (cost > limits.maxCost) {
    throw limitError('maxCost', limits.maxCost, cost, `Query cost limit of ${limits.maxCost} exceeded, found ${cost}.`);
  }
}

/** The values the operation will run with: a variable left out takes its declared default (`$perArea: PageInput = { first: 5 }`). */
function withDeclaredDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  let values = variables;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && variables[name] === undefined) {
      if (values === variables) values = { ...variables };
      values[name] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return values;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/**
 * The walk is linear in the document: each fragment's cost is computed once and reused at
 * every spread (a fragment's cost does not depend on where it is spread). Without this, ten
 * fragments each spreading the next ten times cost 10^9 steps for an 800-byte document.
 */
class CostWalk {
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly limits: OperationLimits,
  ) {}

  selectionCost(set: SelectionSetNode): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += this.fragmentCost(selection.name.value);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += this.selectionCost(selection.selectionSet);
        continue;
      }
      if (selection.name.value.startsWith('__')) continue;
      const size = pageSizeOf(selection.arguments ?? [], this.variables, this.limits);
      const children = selection.selectionSet ? this.selectionCost(selection.selectionSet) : 0;
      total += 1 + size * children;
    }
    return total;
  }

  private fragmentCost(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    // 0 while computing: a cycle (refused by validation already) cannot recurse forever.
    this.fragmentCosts.set(name, 0);
    const cost = fragment ? this.selectionCost(fragment.selectionSet) : 0;
    this.fragmentCosts.set(name, cost);
    return cost;
  }
}

type ArgumentNodes = readonly { name: { value: string }; value: ValueNode }[];

function pageSizeOf(args: ArgumentNodes, variables: Record<string, unknown>, limits: OperationLimits): number {
  for (const arg of args) {
    const name = arg.name.value;
    if (name === 'page') {
      const page = valueOf(arg.value, variables) as { first?: unknown } | null | undefined;
      const first = page?.first ?? DEFAULT_PAGE_SIZE;
      if (typeof first === 'number' && first > limits.maxPageSize) {
        throw limitError('maxPageSize', limits.maxPageSize, first, `Page size limit of ${limits.maxPageSize} exceeded, found ${first} (page.first).`);
      }
      return typeof first === 'number' && first > 0 ? first : DEFAULT_PAGE_SIZE;
    }
    if (name === 'first' || name === 'top') {
      const n = valueOf(arg.value, variables);
      if (typeof n === 'number' && n > limits.maxPageSize) {
        throw limitError('maxPageSize', limits.maxPageSize, n, `Page size limit of ${limits.maxPageSize} exceeded, found ${n} (${name}).`);
      }
      return typeof n === 'number' && n > 0 ? n : DEFAULT_PAGE_SIZE;
    }
  }
  return 1;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
    case Kind.NULL:
      return null;
    default:
      return undefined;
  }
}
