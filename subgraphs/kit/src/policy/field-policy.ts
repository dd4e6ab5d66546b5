import { isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { COARSENED_KEY, COARSENED_WHEN_KEY, DATA_CLASS_KEY, DataClass, ROW_SCOPE_KEY, type RowScopeKeys } from './data-class';

export interface FieldPolicy {
  type: string;
  field: string;
  dataClass: DataClass;
  /** Set when callers without this class get a coarsened value instead of a denial. */
  coarsenedFrom?: DataClass;
  /** The row's boolean field that says whether this row is coarsened at all. */
  coarsenedWhen?: string;
}

export interface TypePolicy {
  type: string;
  scope: RowScopeKeys;
  fields: FieldPolicy[];
}

/** Types that are plumbing, not data: federation's and introspection's. */
const PLUMBING = /^(__|_Service$|_Entity$|_Any$)/;

/**
 * Reads the data classes written by `@Classified` / `@Coarsened` / `@ScopedBy` from the
 * type-graphql schema (extensions do not survive printing to SDL, so this runs before).
 * A field without a class is a build error: nothing ships unclassified.
 */
export function readTypePolicies(schema: GraphQLSchema): TypePolicy[] {
  const policies: TypePolicy[] = [];
  const missing: string[] = [];
  const unexposed: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || PLUMBING.test(type.name)) continue;
    const fields: FieldPolicy[] = [];
    for (const field of Object.values(type.getFields())) {
      if (PLUMBING.test(field.name)) continue;
      const dataClass = field.extensions?.[DATA_CLASS_KEY] as DataClass | undefined;
      if (!dataClass || !(Object.values(DataClass) as string[]).includes(dataClass)) {
        missing.push(`${type.name}.${field.name}`);
        continue;
      }
      const coarsenedFrom = field.extensions?.[COARSENED_KEY] as DataClass | undefined;
      const coarsenedWhen = field.extensions?.[COARSENED_WHEN_KEY] as string | undefined;
      fields.push({
        type: type.name,
        field: field.name,
        dataClass,
        ...(coarsenedFrom ? { coarsenedFrom } : {}),
        ...(coarsenedWhen ? { coarsenedWhen } : {}),
      });
    }
    const scope = scopeKeysOf(type);
    for (const key of [scope.mission, scope.area, scope.owner, scope.sensitiveWhen]) {
      // Row scope must be visible in the schema: the conformance matrix (and any reviewer)
      // judges a row's visibility from these fields.
      if (key && !(key in type.getFields())) unexposed.push(`${type.name}.${key}`);
    }
    policies.push({ type: type.name, scope, fields });
  }
  if (missing.length) {
    throw new Error(`Fields without a data class (add @Classified above @Field): ${missing.join(', ')}`);
  }
  if (unexposed.length) {
    throw new Error(`@ScopedBy keys that are not fields (expose each as a field, classed like the row): ${unexposed.join(', ')}`);
  }
  return policies.sort((a, b) => a.type.localeCompare(b.type));
}

function scopeKeysOf(type: GraphQLObjectType): RowScopeKeys {
  return (type.extensions?.[ROW_SCOPE_KEY] as RowScopeKeys | undefined) ?? {};
}
