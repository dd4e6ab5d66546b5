import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, sql, type Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import { postgresClientOf, type Database, type Db } from './db';

/**
 * Loads many generated rows into a table, skipping every row whose key is already there
 * (`on conflict do nothing`, so re-seeding adds nothing). Returns how many rows it added.
 */
export type BulkLoad = (table: PgTable, rows: readonly object[]) => Promise<number>;

/** Multi-row INSERTs through drizzle: the portable path (PGlite, and PostgreSQL inside a drizzle transaction). */
export function insertInBatches(db: Db, rowsPerInsert = 500): BulkLoad {
  return async (table, rows) => {
    let added = 0;
    for (let i = 0; i < rows.length; i += rowsPerInsert) {
      const result = await db
        .insert(table)
        .values(rows.slice(i, i + rowsPerInsert) as never[])
        .onConflictDoNothing()
        // Only the count is needed: reading whole rows back costs time for nothing.
        .returning({ added: sql<number>`1` });
      added += result.length;
    }
    return added;
  };
}

/**
 * The fastest loader the database offers: COPY on PostgreSQL (postgres.js streams it), else
 * multi-row INSERTs. COPY cannot skip conflicts, so rows go through a temporary table first,
 * each call in its own transaction; the values are the ones drizzle would bind, so COPY and
 * INSERT store the same rows.
 */
export function bulkLoader(database: Database): BulkLoad {
  const client = postgresClientOf(database);
  return client ? copyLoader(client) : insertInBatches(database.db);
}

/** Rows per string handed to the COPY stream: big enough to keep the stream cheap, small enough to stay flat in memory. */
const ROWS_PER_WRITE = 2000;

function copyLoader(client: postgres.Sql): BulkLoad {
  return async (table, rows) => {
    if (!rows.length) return 0;
    const { name, schema } = getTableConfig(table);
    const target = `"${schema ?? 'public'}"."${name}"`;
    const columns = presentColumns(table, rows);
    const list = columns.map(([, column]) => `"${column.name}"`).join(', ');
    return client.begin(async (tx) => {
      // Typed like the target but without its constraints: COPY fails only on a value the INSERT would refuse too.
      await tx.unsafe(`create temp table bulk_load_rows on commit drop as select ${list} from ${target} with no data`);
      const stream = await tx.unsafe(`copy bulk_load_rows (${list}) from stdin`).writable();
      await copied(pipeline(Readable.from(copyChunks(rows, columns)), stream), tx, name);
      const result = await tx.unsafe(`insert into ${target} (${list}) select ${list} from bulk_load_rows on conflict do nothing`);
      return result.count;
    });
  };
}

const PROBE_EVERY_MS = 2000;

/**
 * Waits for a COPY to finish. postgres.js hands a COPY's error to the query it has already
 * resolved with the stream, and the stream then never finishes: so while it has not, a probe on
 * the same connection asks whether the transaction is still alive (refused with COPY_IN_PROGRESS
 * while rows are still being sent; "transaction is aborted" once the server refused them).
 */
async function copied(done: Promise<void>, tx: postgres.TransactionSql, table: string): Promise<void> {
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([done.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_EVERY_MS)))]);
    clearTimeout(timer);
    if (finished) return;
    const error = await tx.unsafe('select 1').then(
      () => null,
      (e: { code?: string; message?: string }) => e,
    );
    if (error && error.code !== 'COPY_IN_PROGRESS') throw new Error(`bulk load into ${table}: the server refused the COPY (${error.message}); its log names the row`);
  }
}

/**
 * The columns any row sets. A column a row leaves out would get its default from an INSERT but
 * a null from COPY: refused where the column has a default, rather than loaded differently.
 */
function presentColumns(table: PgTable, rows: readonly object[]): [string, Column][] {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined));
  for (const [key, column] of columns) {
    if (column.hasDefault && rows.some((row) => (row as Record<string, unknown>)[key] === undefined)) {
      throw new Error(`bulk load into ${getTableConfig(table).name}: some rows set ${key} and some leave it to its default; set it on every row`);
    }
  }
  return columns;
}

function* copyChunks(rows: readonly object[], columns: [string, Column][]): Generator<string> {
  for (let at = 0; at < rows.length; at += ROWS_PER_WRITE) {
    let chunk = '';
    for (const row of rows.slice(at, at + ROWS_PER_WRITE) as Record<string, unknown>[]) {
      chunk += columns.map(([key, column]) => copyField(row[key] === undefined || row[key] === null ? null : column.mapToDriverValue(row[key]))).join('\t') + '\n';
    }
    yield chunk;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One field of COPY's text format; values are what drizzle would bind (dates, arrays and JSON already as text). */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!);
}
