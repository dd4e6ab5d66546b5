import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@peacegraph/kit';
import type { ChangeCounts } from './import-report';

/** Rows per INSERT: a few hundred keeps each statement well under PostgreSQL's 65,535 parameters. */
export const BATCH_SIZE = 500;

export interface UpsertSpec<TTable extends PgTable> {
  table: TTable;
  /** The natural key: the columns of a unique index. */
  conflictTarget: PgColumn[];
  /** Columns overwritten when the key exists; a row counts as updated only if one of them differs. */
  updateColumns: PgColumn[];
  /** Extra columns to read back from inserted or updated rows (e.g. a generated id). */
  returning?: Record<string, PgColumn>;
}

export interface UpsertResult<TReturned> extends ChangeCounts {
  /** One entry per inserted or updated row (unchanged rows are not returned). */
  changed: (TReturned & { inserted: boolean })[];
}

/**
 * INSERT … ON CONFLICT DO UPDATE … WHERE (old values) IS DISTINCT FROM (new values), in
 * batches. Rows whose values did not change are not touched, so a re-run reports them as
 * unchanged and leaves no dead tuples. `xmax = 0` in RETURNING tells a fresh insert from an
 * update (PostgreSQL's documented behaviour of the system column for a just-inserted row).
 */
export async function upsertCountingChanges<TTable extends PgTable, TReturned extends Record<string, unknown> = Record<string, never>>(
  db: Db,
  spec: UpsertSpec<TTable>,
  rows: readonly TTable['$inferInsert'][],
): Promise<UpsertResult<TReturned>> {
  const result: UpsertResult<TReturned> = { inserted: 0, updated: 0, unchanged: 0, changed: [] };
  const set = updateSet(spec.table, spec.updateColumns);
  const changedWhere = sql`(${sql.join(spec.updateColumns.map((column) => sql`${column}`), sql`, `)}) is distinct from (${sql.join(
    spec.updateColumns.map((column) => excluded(column)),
    sql`, `,
  )})`;
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    const batch = rows.slice(start, start + BATCH_SIZE);
    const returned = (await db
      .insert(spec.table)
      .values(batch as TTable['$inferInsert'][])
      .onConflictDoUpdate({ target: spec.conflictTarget, set, setWhere: changedWhere })
      .returning({ ...spec.returning, inserted: sql<boolean>`(xmax = 0)` })) as unknown as (TReturned & { inserted: boolean })[];
    for (const row of returned) {
      if (row.inserted) result.inserted++;
      else result.updated++;
      result.changed.push(row);
    }
    result.unchanged += batch.length - returned.length;
  }
  return result;
}

function excluded(column: PgColumn): SQL {
  return sql.raw(`excluded."${column.name}"`);
}

/** drizzle's `set` is keyed by property name, not column name. */
function updateSet(table: PgTable, columns: PgColumn[]): Record<string, SQL> {
  const propertyOf = new Map(Object.entries(getTableColumns(table)).map(([property, column]) => [column, property]));
  return Object.fromEntries(
    columns.map((column) => {
      const property = propertyOf.get(column);
      if (!property) throw new Error(`column ${column.name} is not in table`);
      return [property, excluded(column)];
    }),
  );
}
