// The composed supergraph and the generated data-class snapshot, read the way a reviewer
// reads them: which type has which fields, each field's class, each type's row scope.
import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import { POLICY_SNAPSHOT_PATH, SUPERGRAPH_PATH } from '../../scripts/compose';

export interface FieldClass {
  dataClass: string;
  /** Set when callers without this class get a coarsened value instead of a denial. */
  coarsenedUnless?: string;
  /** Only rows whose boolean field of this name is true are coarsened. */
  coarsenedWhen?: string;
}

export interface ScopeKeys {
  mission?: string;
  area?: string;
  owner?: string;
  providedBy?: string;
  /** Rows whose field of this name is true need `sensitiveClass` to be seen at all. */
  sensitiveWhen?: string;
  sensitiveClass?: string;
}

export interface PolicyMap {
  fieldClass(type: string, field: string): FieldClass | undefined;
  scopeKeys(type: string): ScopeKeys | undefined;
  /** Row fields that decide how a row is judged (sensitivity flags, coarsening conditions). */
  conditionFields(type: string): string[];
  /**
   * Whether the subgraph serving Type.field scopes the type's rows itself (@ScopedBy there); if
   * not, its rule judges the field by the scope handed down from the row above, or none.
   */
  fieldScoped(type: string, field: string): boolean;
}

type Snapshot = Record<string, Record<string, Record<string, string | ScopeKeys>>>;

export function loadSupergraph(): GraphQLSchema {
  return buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
}

export function loadPolicyMap(): PolicyMap {
  const snapshot = JSON.parse(readFileSync(POLICY_SNAPSHOT_PATH, 'utf8')) as Snapshot;
  const classes = new Map<string, FieldClass>();
  const scopes = new Map<string, ScopeKeys>();
  for (const types of Object.values(snapshot)) {
    for (const [type, fields] of Object.entries(types)) {
      for (const [field, value] of Object.entries(fields)) {
        if (field === '@scopedBy') {
          scopes.set(type, value as ScopeKeys);
          continue;
        }
        const match = /^(\w+)(?: \(coarsened unless (\w+)(?:, when (\w+))?\))?$/.exec(value as string);
        // An entity's field may be declared by its owner and by stubs elsewhere: the strictest class wins.
        if (match && match[1] === 'PUBLIC' && classes.get(`${type}.${field}`) && classes.get(`${type}.${field}`)!.dataClass !== 'PUBLIC') continue;
        if (match) {
          classes.set(`${type}.${field}`, {
            dataClass: match[1]!,
            ...(match[2] ? { coarsenedUnless: match[2] } : {}),
            ...(match[3] ? { coarsenedWhen: match[3] } : {}),
          });
        }
      }
    }
  }
  const unscopedFields = new Set<string>();
  for (const types of Object.values(snapshot)) {
    for (const [type, fields] of Object.entries(types)) {
      if (fields['@scopedBy']) continue;
      for (const [field, value] of Object.entries(fields)) if (field !== '@scopedBy' && !String(value).startsWith('PUBLIC')) unscopedFields.add(`${type}.${field}`);
    }
  }
  const conditions = new Map<string, Set<string>>();
  for (const [key, value] of classes) {
    if (value.coarsenedWhen) (conditions.get(key.split('.')[0]!) ?? conditions.set(key.split('.')[0]!, new Set()).get(key.split('.')[0]!)!).add(value.coarsenedWhen);
  }
  for (const [type, scope] of scopes) {
    if (scope.sensitiveWhen) (conditions.get(type) ?? conditions.set(type, new Set()).get(type)!).add(scope.sensitiveWhen);
  }
  return {
    fieldClass: (type, field) => classes.get(`${type}.${field}`),
    scopeKeys: (type) => scopes.get(type),
    conditionFields: (type) => [...(conditions.get(type) ?? [])],
    fieldScoped: (type, field) => !unscopedFields.has(`${type}.${field}`),
  };
}
