// Walks the oracle's answer and an audience's answer to the same probe side by side and
// reports every difference from what the policy says: rows that should be hidden, fields
// that should be denied (null + FORBIDDEN naming the class), coarsened or equal.
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import type { Oracle, Scope } from './oracle';
import type { PolicyMap, ScopeKeys } from './schema-map';

export interface GraphQLErrorLike {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** Types whose values are derived from the rows the caller sees, not data of their own. */
const DERIVED_TYPES = new Set(['PageInfo']);

export interface Comparison {
  findings: string[];
  /** Distinctive values the audience must not receive anywhere in the body. */
  hidden: Set<string>;
  /** Values the audience legitimately receives (a hidden value equal to one of these is not a leak). */
  shown: Set<string>;
  /** Type.field pairs whose value was judged at least once with a non-null truth. */
  judged: Set<string>;
}

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

function keyFieldOf(type: GraphQLObjectType): string | undefined {
  const fields = type.getFields();
  return ['id', 'pcode', 'iso3', 'casualtyId'].find((k) => k in fields);
}

export class Comparer {
  readonly result: Comparison = { findings: [], hidden: new Set(), shown: new Set(), judged: new Set() };
  private readonly errors = new Map<string, GraphQLErrorLike>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly policy: PolicyMap,
    private readonly oracle: Oracle,
    private readonly audience: string,
    errors: GraphQLErrorLike[],
    /** Live data (the audit log): only whether the root is served or denied is judged. */
    private readonly accessOnly = false,
  ) {
    for (const e of errors) if (e.path) this.errors.set(e.path.join('.'), e);
  }

  compareRoot(field: string, truth: unknown, seen: unknown): void {
    const query = this.schema.getQueryType()!;
    this.compareField(query, field, truth, seen, [field], undefined, true);
  }

  private fail(path: (string | number)[], problem: string): void {
    this.result.findings.push(`${this.audience} @ ${path.join('.')}: ${problem}`);
  }

  private rowScope(type: GraphQLObjectType, row: Record<string, unknown>, inherited: Scope | undefined): Scope | undefined {
    const keys = this.policy.scopeKeys(type.name);
    if (!keys) return inherited;
    const read = (k: keyof ScopeKeys) => {
      const name = keys[k];
      if (!name) return undefined;
      if (!(name in row)) this.fail([type.name], `scope key "${name}" is not a field, so the matrix cannot judge its rows`);
      return (row[name] as string | null | undefined) ?? null;
    };
    return { mission: read('mission'), area: read('area'), owner: read('owner'), providedBy: keys.providedBy };
  }

  private rowVisible(type: GraphQLObjectType, row: Record<string, unknown>, inherited: Scope | undefined): boolean {
    const key = keyFieldOf(type);
    const keys = this.policy.scopeKeys(type.name);
    const sensitive = keys?.sensitiveWhen && keys.sensitiveClass && row[keys.sensitiveWhen] === true;
    if (!key && !sensitive) return true;
    const cls = sensitive ? keys!.sensitiveClass! : (this.policy.fieldClass(type.name, key!)?.dataClass ?? 'PUBLIC');
    return this.oracle.allows(cls, this.rowScope(type, row, inherited));
  }

  private collect(value: unknown, into: Set<string>): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) return value.forEach((v) => this.collect(v, into));
    if (typeof value === 'object') return Object.values(value).forEach((v) => this.collect(v, into));
    const text = String(value);
    // Only distinctive values: long strings and precise numbers (coordinates, amounts).
    // Enum values (ALL_CAPS) repeat across rows and identify nobody; names, texts and coordinates do.
    const distinctiveText = typeof value === 'string' && text.length >= 12 && !/^[A-Z0-9_]+$/.test(text);
    if (distinctiveText || (typeof value === 'number' && !Number.isInteger(value) && text.length >= 6)) into.add(text);
  }

  private compareField(
    parent: GraphQLObjectType,
    field: string,
    truth: unknown,
    seen: unknown,
    path: (string | number)[],
    scope: Scope | undefined,
    root = false,
    truncated = false,
    row?: Record<string, unknown>,
  ): void {
    const definition = parent.getFields()[field];
    if (!definition) return;
    const fieldClass = this.policy.fieldClass(parent.name, field);
    if (!fieldClass) return this.fail(path, `${parent.name}.${field} has no data class`);
    const allowed = root ? this.oracle.holds(fieldClass.dataClass) : this.oracle.allows(fieldClass.dataClass, scope);
    if (truth !== null && truth !== undefined) this.result.judged.add(`${parent.name}.${field}`);
    if (!allowed) {
      this.collect(truth, this.result.hidden);
      if (seen !== null && seen !== undefined) return this.fail(path, `${fieldClass.dataClass} value served to an audience not cleared for it`);
      if (truth === null || truth === undefined) return;
      const error = this.errors.get(path.join('.'));
      if (!error) return this.fail(path, `denied ${fieldClass.dataClass} field has no error`);
      if (error.extensions?.code !== 'FORBIDDEN' || error.extensions?.dataClass !== fieldClass.dataClass) {
        this.fail(path, `denial error is ${JSON.stringify(error.extensions)}, expected FORBIDDEN naming ${fieldClass.dataClass}`);
      }
      return;
    }
    if (root && this.accessOnly) {
      if (seen === null || seen === undefined) this.fail(path, `${fieldClass.dataClass} root denied to a holder`);
      return;
    }
    const coarsened =
      !!fieldClass.coarsenedUnless &&
      !this.oracle.allows(fieldClass.coarsenedUnless, scope) &&
      (!fieldClass.coarsenedWhen || row?.[fieldClass.coarsenedWhen] === true);
    this.compareValue(unwrap(definition.type), truth, seen, path, scope, coarsened, truncated);
  }

  private compareValue(
    type: GraphQLOutputType,
    truth: unknown,
    seen: unknown,
    path: (string | number)[],
    scope: Scope | undefined,
    coarsened: boolean,
    truncated = false,
  ): void {
    if (truth === null || truth === undefined) {
      if (seen !== null && seen !== undefined) this.fail(path, 'value where the oracle has none');
      return;
    }
    const named = getNamedType(type);
    if (isListType(type)) {
      if (!Array.isArray(truth) || !Array.isArray(seen)) return this.fail(path, 'expected a list');
      const element = getNamedType(type);
      if (isObjectType(element) && this.policy.scopeKeys(element.name)) {
        const key = keyFieldOf(element);
        const expected = truth.filter((row) => this.rowVisible(element, row as Record<string, unknown>, scope));
        truth.filter((row) => !expected.includes(row)).forEach((row) => this.collect(row, this.result.hidden));
        const expectedKeys = expected.map((r) => (key ? (r as Record<string, unknown>)[key] : undefined));
        const seenKeys = seen.map((r) => (key && r ? (r as Record<string, unknown>)[key] : undefined));
        if (key && expectedKeys.some((k) => k === undefined)) return; // key denied: rows judged by their fields
        if (truncated) {
          // A nested page shows a window: rows past the oracle's window cannot be judged here
          // (the leak check still covers them), but every row both saw must be in scope.
          const outOfScope = seenKeys.filter((k) => truth.some((r) => (r as Record<string, unknown>)[key!] === k) && !expectedKeys.includes(k));
          if (outOfScope.length) this.fail(path, `out-of-scope row(s) served ${JSON.stringify(outOfScope.slice(0, 3))}`);
          seen.forEach((row, i) => {
            const j = expectedKeys.indexOf((row as Record<string, unknown>)?.[key!]);
            if (j >= 0) this.compareValue(element, expected[j], row, [...path, i], scope, coarsened);
            else this.collect(row, this.result.shown); // past the oracle's window: not judged here
          });
          return;
        }
        if (JSON.stringify(expectedKeys) !== JSON.stringify(seenKeys)) {
          const extra = seenKeys.filter((k) => !expectedKeys.includes(k));
          const missing = expectedKeys.filter((k) => !seenKeys.includes(k));
          return this.fail(path, `rows differ from the policy: ${extra.length} out-of-scope row(s) served ${JSON.stringify(extra.slice(0, 3))}, ${missing.length} in-scope row(s) missing ${JSON.stringify(missing.slice(0, 3))}`);
        }
        expected.forEach((row, i) => this.compareValue(element, row, seen[i], [...path, i], scope, coarsened));
        return;
      }
      if (truth.length !== seen.length) return this.fail(path, `list of ${seen.length}, oracle has ${truth.length}`);
      truth.forEach((item, i) => this.compareValue(unwrap((type as { ofType: GraphQLOutputType }).ofType), item, seen[i], [...path, i], scope, coarsened));
      return;
    }
    if (isObjectType(named)) {
      if ((seen === null || seen === undefined) && !(this.policy.scopeKeys(named.name) && !this.rowVisible(named, truth as Record<string, unknown>, scope))) {
        return this.fail(path, 'object missing');
      }
      if (DERIVED_TYPES.has(named.name)) return;
      const row = truth as Record<string, unknown>;
      if (this.policy.scopeKeys(named.name) && !this.rowVisible(named, row, scope)) {
        this.collect(row, this.result.hidden);
        if (seen !== null && seen !== undefined) this.fail(path, 'out-of-scope row served');
        return;
      }
      const rowScope = this.rowScope(named, row, scope);
      if (coarsened) return this.compareCoarsened(row, seen as Record<string, unknown>, path);
      // A page whose oracle window is not the whole list (hasNextPage): its rows are judged as a window.
      const window = (row.pageInfo as { hasNextPage?: boolean } | undefined)?.hasNextPage === true;
      for (const field of Object.keys(row)) {
        // A field whose subgraph does not scope this type is judged by the scope handed down to the row.
        const fieldScope = this.policy.fieldScoped(named.name, field) ? rowScope : scope;
        this.compareField(named, field, row[field], (seen as Record<string, unknown>)[field], [...path, field], fieldScope, false, window && field === 'nodes', row);
      }
      return;
    }
    if (coarsened) return this.compareCoarsened({ value: truth }, { value: seen }, path);
    this.collect(seen, this.result.shown);
    if (JSON.stringify(truth) !== JSON.stringify(seen)) this.fail(path, `value ${JSON.stringify(seen)} differs from ${JSON.stringify(truth)}`);
  }

  /** A coarsened value must say it is not exact, and must not equal the precise one. */
  private compareCoarsened(truth: Record<string, unknown>, seen: Record<string, unknown>, path: (string | number)[]): void {
    if (!seen) return this.fail(path, 'coarsened value missing');
    if ('precision' in seen && seen.precision === 'EXACT') this.fail(path, 'coarsened value claims EXACT precision');
    for (const [k, v] of Object.entries(truth)) {
      if (typeof v === 'number' && !Number.isInteger(v) && seen[k] !== v) this.collect(v, this.result.hidden);
    }
    this.collect(seen, this.result.shown);
  }
}
