import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import type { RowScope } from './access';
import type { RowScopeKeys } from './data-class';
import type { TypePolicy } from './field-policy';

/**
 * Value objects without a scope of their own (a point, a route waypoint, a people count)
 * are judged by the row they belong to: a field returning them hands its parent's row
 * scope down. Without this, a field rule on a nested object could only ask "does the
 * caller hold this class anywhere?", which would leak one mission's data to a holder of
 * another mission's grant.
 */
const INHERITED = Symbol('peacegraph.inheritedScopes');

type ScopeCarrier = { [INHERITED]?: WeakMap<object, RowScope> };

/** Scope conflicts (one object reached from rows with different scopes) match no scoped grant. */
const CONFLICT: RowScope = { missionId: null, adminAreaPcode: null, ownerOrganizationId: null };

function hasKeys(keys: RowScopeKeys | undefined): keys is RowScopeKeys {
  return !!keys && !!(keys.mission || keys.area || keys.owner);
}

export function ownScope(parent: unknown, keys: RowScopeKeys): RowScope {
  const row = parent as Record<string, unknown>;
  return {
    missionId: keys.mission ? ((row[keys.mission] as string | null | undefined) ?? null) : undefined,
    adminAreaPcode: keys.area ? ((row[keys.area] as string | null | undefined) ?? null) : undefined,
    ownerOrganizationId: keys.owner ? ((row[keys.owner] as string | null | undefined) ?? null) : undefined,
    ...(keys.providedBy ? { providedBy: keys.providedBy } : {}),
  };
}

/** The scope a rule judges `parent` by: its own keys, else the scope its row handed down, else none. */
export function scopeOf(parent: unknown, keys: RowScopeKeys | undefined, ctx: unknown): RowScope | undefined {
  if (parent === null || typeof parent !== 'object') return undefined;
  if (hasKeys(keys)) return ownScope(parent, keys);
  return (ctx as ScopeCarrier)[INHERITED]?.get(parent);
}

function handDown(value: unknown, scope: RowScope, ctx: ScopeCarrier): void {
  if (Array.isArray(value)) {
    for (const item of value) handDown(item, scope, ctx);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const map = (ctx[INHERITED] ??= new WeakMap());
  const existing = map.get(value);
  map.set(value, existing && JSON.stringify(existing) !== JSON.stringify(scope) ? CONFLICT : scope);
}

/**
 * graphql-middleware field map: every field whose result is an object type without its own
 * @ScopedBy hands the parent's scope (own or inherited) to that result.
 */
export function scopeInheritanceMiddleware(schema: GraphQLSchema, policies: readonly TypePolicy[]) {
  const keysByType = new Map(policies.map((p) => [p.type, p.scope]));
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const policy of policies) {
    if (policy.type === 'Query' || policy.type === 'Mutation') continue;
    const type = schema.getType(policy.type);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || hasKeys(keysByType.get(target.name))) continue;
      const parentKeys = policy.scope;
      // Synchronous when the resolver is: a promise per field is most of a subgraph's CPU under load.
      (middleware[policy.type] ??= {})[field.name] = ((resolve, parent, args, ctx, info) => {
        const result: unknown = resolve(parent, args, ctx, info);
        const scope = scopeOf(parent, parentKeys, ctx);
        if (!scope) return result;
        if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') {
          return (result as PromiseLike<unknown>).then((value: unknown) => {
            handDown(value, scope, ctx as ScopeCarrier);
            return value;
          });
        }
        handDown(result, scope, ctx as ScopeCarrier);
        return result;
      }) as IMiddlewareFunction; // typed as async, but graphql-middleware passes a plain value through
    }
  }
  return middleware;
}
