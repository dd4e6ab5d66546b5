import { eq, or, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Access, ScopeColumns } from './access';
import { declaredClass, declaredScope } from './data-class';

/**
 * The loaders' SQL row filter, derived from the row type's declarations — its `@ScopedBy` keys
 * and its key field's `@Classified` class — so a row's scope is stated once: only rows the caller
 * may see leave the database, by the same rule shield applies to each field (Access.sqlScope).
 * The table's columns are found by the type's property names (`missionId` → `table.missionId`).
 * Rows flagged by `sensitiveWhen` need `sensitiveClass`; the others only their key's class.
 */
export function rowFilter(access: Access, type: abstract new (...args: never[]) => unknown, table: object): SQL {
  const keys = declaredScope(type);
  if (!keys) throw new Error(`${type.name} has no @ScopedBy: its rows cannot be filtered by scope.`);
  const column = (property: string | undefined): AnyColumn | undefined => {
    if (!property) return undefined;
    const found = (table as Record<string, AnyColumn | undefined>)[property];
    if (!found) throw new Error(`${type.name}: @ScopedBy names "${property}", which is not a column of its table.`);
    return found;
  };
  const columns: ScopeColumns = { mission: column(keys.mission), area: column(keys.area), owner: column(keys.owner), providedBy: keys.providedBy };
  if (keys.sensitiveWhen && keys.sensitiveClass) {
    return or(eq(column(keys.sensitiveWhen)!, false), access.sqlScope(keys.sensitiveClass, columns))!;
  }
  const rowClass = declaredClass(type, keys.id ?? 'id');
  if (!rowClass) throw new Error(`${type.name}.${keys.id ?? 'id'} has no @Classified class: its rows' class is unknown.`);
  return access.sqlScope(rowClass, columns);
}
