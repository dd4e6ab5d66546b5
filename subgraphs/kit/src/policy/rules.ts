import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { DataClass, type RowScopeKeys } from './data-class';
import { scopeOf } from './scope-inheritance';
import type { TypePolicy } from './field-policy';
import type { SubgraphContext } from '../context';

export function forbidden(dataClass: DataClass): GraphQLError {
  // Names the class, never the value. No stack: shield's default error would carry one.
  return new GraphQLError(`Not cleared for ${dataClass} data.`, {
    extensions: { code: 'FORBIDDEN', dataClass },
  });
}

function entityIdOf(parent: unknown, keys: RowScopeKeys): string | null {
  if (!parent || typeof parent !== 'object') return null;
  const value = (parent as Record<string, unknown>)[keys.id ?? 'id'];
  return value === undefined || value === null ? null : String(value);
}

/**
 * graphql-shield rules generated from the data classes. Every field of every object type
 * gets a rule; anything not listed (federation plumbing) falls back to deny, except the
 * two federation entry points, which are reachable only with a valid gateway signature
 * (checked before GraphQL runs) — and `_entities` rows are scoped by the loaders that
 * `__resolveReference` calls, because shield never sees `__resolveReference`.
 */
export function buildShield(policies: readonly TypePolicy[]) {
  const rules: Record<string, Record<string, unknown>> = {};
  for (const policy of policies) {
    const typeRules: Record<string, unknown> = {};
    for (const field of policy.fields) {
      typeRules[field.field] =
        field.dataClass === DataClass.PUBLIC
          ? allow
          : rule(`${policy.type}.${field.field}`, { cache: 'no_cache' })(
              (parent: unknown, _args: unknown, ctx: SubgraphContext) =>
                ctx.access.decide(field.dataClass, scopeOf(parent, policy.scope, ctx), {
                  entityType: policy.type,
                  entityId: entityIdOf(parent, policy.scope),
                  field: field.field,
                })
                  ? true
                  : forbidden(field.dataClass),
            );
    }
    rules[policy.type] = typeRules;
  }
  rules.Query = { ...(rules.Query ?? {}), _entities: allow, _service: allow };
  rules._Service = { sdl: allow };
  return shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: () => forbidden(DataClass.PUBLIC),
    allowExternalErrors: true,
    debug: false,
  });
}

/** Federation's entry points: reachable only with a gateway signature (checked before GraphQL). */
const PLUMBING_ALLOWED = ['Query._entities', 'Query._service', '_Service.sdl'];

/**
 * The shield as graphql-middleware applies it, minus the fields it would only `allow`.
 * graphql-shield wraps every field, PUBLIC ones included, turning each synchronous default
 * resolver into a promise — under load most of a subgraph's CPU. A PUBLIC field keeps its own
 * resolver; every other field keeps shield's wrapper: the restricted ones, and anything without
 * a class (there should be none: readTypePolicies refuses to build) still falls back to deny.
 */
export function shieldForRestrictedFields(schema: GraphQLSchema, policies: readonly TypePolicy[]): IMiddlewareTypeMap {
  const allowed = new Set(PLUMBING_ALLOWED);
  for (const policy of policies) {
    for (const field of policy.fields) if (field.dataClass === DataClass.PUBLIC) allowed.add(`${policy.type}.${field.field}`);
  }
  const generated = buildShield(policies).generate(schema) as IMiddlewareTypeMap;
  for (const [type, fields] of Object.entries(generated)) {
    if (!fields || typeof fields !== 'object') continue;
    for (const field of Object.keys(fields)) if (allowed.has(`${type}.${field}`)) delete (fields as Record<string, unknown>)[field];
  }
  return generated;
}
