import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/** What drizzle's `.prepare()` returns: the SQL text built, only values left to bind. */
export interface PreparedStatement<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** A drizzle query builder (select, insert …) that can be prepared. */
interface Preparable<Q> {
  prepare(name: string): Q;
}

/** Shapes a database keeps at most (a shape includes the caller's row filter, so callers with other grants add shapes). */
export const MAX_PREPARED_SHAPES = 500;

const statements = new WeakMap<Db, Map<string, PreparedStatement<unknown>>>();

/**
 * The statement of one loader shape, built by drizzle once per database and then only bound to
 * new values: drizzle otherwise rebuilds a statement's SQL text from its query objects on every
 * call (≈ 40–50 µs for a one-table select, more with joins and scopes — docs/benchmarks.md,
 * "Statements (2026-12-04)"). `shape` must name everything the built SQL depends on apart from
 * its placeholders: the loader, and `shapeOf(filter)` for any SQL built per caller. Subgraphs
 * may share one database, so a shape starts with its subgraph or its table's schema-qualified
 * name. Keyed by `db`, so a transaction's statements run in that transaction.
 */
export function prepared<Q extends PreparedStatement<unknown>>(db: Db, shape: string, build: () => Preparable<Q>): Q {
  let byShape = statements.get(db);
  if (!byShape) statements.set(db, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    // Oldest first out: a burst of new scopes cannot grow the map without bound.
    if (byShape.size >= MAX_PREPARED_SHAPES) byShape.delete(byShape.keys().next().value!);
    // Without a name: given one, drizzle tells postgres.js to prepare the statement on the server
    // itself, past DATABASE_PREPARE=off and the bound db.ts keeps (it decides for every statement).
    statement = (build() as unknown as { prepare(name?: string): Q }).prepare();
    byShape.set(shape, statement);
  }
  return statement as Q;
}

const dialect = new PgDialect();

/**
 * A key for SQL built per caller (a row filter): its text and its values. Two filters with the
 * same key are the same condition, so a statement prepared under one is exactly as strict
 * under the other.
 */
export function shapeOf(filter: SQL | undefined): string {
  if (!filter) return '';
  const { sql: text, params } = dialect.sqlToQuery(filter);
  return `${text}\u0000${JSON.stringify(params)}`;
}

/**
 * `column = any($n)`, the batch's keys bound as ONE array parameter: the SQL text stays the
 * same whatever the batch size (an IN list is a new text, and a new server-side prepared
 * statement, for each length).
 */
export function anyOf(column: AnyColumn, placeholder: string): SQL {
  return sql`${column} = any(${sql.placeholder(placeholder)}::${sql.raw(column.getSQLType())}[])`;
}
