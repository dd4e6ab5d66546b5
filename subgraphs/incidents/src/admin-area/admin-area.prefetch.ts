import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { IncidentsContext } from '../loaders';
import type { ReferenceArea } from '@peacegraph/kit';

const KEY_ONLY = new Set(['pcode', '__typename']);

/** The selections under `selectionSet` named `name`, through inline fragments and fragment spreads. */
function* fieldsNamed(selectionSet: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): Generator<SelectionSetNode | undefined> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) yield selection.selectionSet;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      yield* fieldsNamed(selection.selectionSet, name, info);
    } else {
      yield* fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, info);
    }
  }
}

/**
 * Whether the field being resolved asks its results' `areaField` for more than the key (name,
 * level). @skip/@include are not evaluated: at worst one batched read too many.
 */
export function selectsAreaFields(info: GraphQLResolveInfo, areaField: string): boolean {
  for (const node of info.fieldNodes) {
    for (const area of fieldsNamed(node.selectionSet, areaField, info)) {
      const inner = [...(area?.selections ?? [])];
      if (inner.some((s) => s.kind !== Kind.FIELD || !KEY_ONLY.has(s.name.value))) return true;
    }
  }
  return false;
}

/**
 * The reference rows of many rows' areas, read up front in one batch, so that their `name` and
 * `level` resolve synchronously: a promise per row's field makes graphql-js complete every row
 * through promises, which at a Q4 answer's 1 400 cells costs more CPU than the read.
 */
export async function referenceRowsOf(pcodes: readonly string[], ctx: IncidentsContext): Promise<Map<string, ReferenceArea>> {
  const distinct = [...new Set(pcodes)];
  const rows = await ctx.loaders.referenceAreaByPcode.loadMany(distinct);
  const byPcode = new Map<string, ReferenceArea>();
  rows.forEach((row, i) => {
    if (row instanceof Error) throw row;
    if (row) byPcode.set(distinct[i]!, row);
  });
  return byPcode;
}
