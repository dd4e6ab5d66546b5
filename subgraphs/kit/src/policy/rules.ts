import { GraphQLError } from 'graphql';
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
