import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { DatabaseUnreachableError, MAX_PREPARED_STATEMENTS, openDatabase, type Database } from './db';
import { emptyClusterFor, emptyClusterPath, writeEmptyCluster } from './empty-cluster';

describe('embedded database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'peacegraph-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what was written across a restart when given a data directory', async () => {
    const nested = path.join(dir, 'not', 'yet', 'there'); // a fresh clone has no .data/ folder
    const first = await openDatabase({ dataDir: nested });
    await first.exec("create table notes (body text); insert into notes values ('kept')");
    await first.close();
    const second = await openDatabase({ dataDir: nested });
    const rows = await second.db.execute<{ body: string }>('select body from notes' as never);
    await second.close();
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { body: string }[] }).rows;
    expect(list.map((r) => r.body)).toEqual(['kept']);
  });
});

describe('empty cluster made once per install', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'peacegraph-empty-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const catalogue = async (query: (sql: string) => Promise<{ rows: unknown[] }>) => [
    (await query('select datname from pg_database order by 1')).rows,
    (await query("select count(*)::int as n from pg_class where relnamespace = 'pg_catalog'::regnamespace")).rows,
    (await query('show server_version')).rows,
  ];

  it('starts a new database as initdb would have left it, on disk and in memory, and keeps what is written', async () => {
    if (!existsSync(emptyClusterPath())) await writeEmptyCluster();
    expect(emptyClusterFor('memory://')).toBeInstanceOf(Blob);
    const initdb = new PGlite('memory://');
    const expected = await catalogue((sql) => initdb.query(sql));
    await initdb.close();

    const onDisk = path.join(dir, 'db');
    const first = await openDatabase({ dataDir: onDisk });
    const client = (first.db as unknown as { $client: PGlite }).$client;
    expect(await catalogue((sql) => client.query(sql))).toEqual(expected);
    await first.exec("create table notes (body text); insert into notes values ('kept')");
    await first.close();
    // An existing directory is opened, never replaced by the empty cluster.
    expect(emptyClusterFor(onDisk)).toBeUndefined();
    const again = await openDatabase({ dataDir: onDisk });
    const rows = await (again.db as unknown as { $client: PGlite }).$client.query<{ body: string }>('select body from notes');
    await again.close();
    expect(rows.rows).toEqual([{ body: 'kept' }]);
  });
});

describe('PostgreSQL', () => {
  it('names host and port, not the password, when the server cannot be reached', async () => {
    const error = await openDatabase({ url: 'postgres://user:s3cret@127.0.0.1:1/peacegraph' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toMatch(/127\.0\.0\.1:1\/peacegraph/);
    expect((error as Error).message).not.toMatch(/s3cret/);
  });

  // One connection, so the session that ran the statements is the one asked about them.
  const preparedOn = async (database: Database) => {
    const result = await database.db.execute(sql`select statement from pg_prepared_statements`);
    return ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { statement: string }[]).map((r) => r.statement);
  };

  it.runIf(process.env.DATABASE_URL)('prepares drizzle statements on the server once per connection, up to a bound', async () => {
    const database = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 1, prepare: true });
    try {
      for (let i = 0; i < 3; i++) await database.db.execute(sql`select ${i}::int as n, 'prepared-probe' as probe`);
      expect((await preparedOn(database)).filter((s) => s.includes('prepared-probe'))).toHaveLength(1);
      // Past the bound, new statement texts run unnamed.
      for (let i = 0; i < MAX_PREPARED_STATEMENTS + 5; i++) await database.db.execute(sql.raw(`select ${i} as bound_probe_${i} where true`).append(sql` and ${1}::int = 1`));
      const prepared = (await preparedOn(database)).filter((s) => s.includes('probe') || s.includes('pg_prepared_statements'));
      expect(prepared.length).toBeGreaterThan(MAX_PREPARED_STATEMENTS - 5);
      expect(prepared.length).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
      expect(prepared.some((s) => s.includes(`bound_probe_${MAX_PREPARED_STATEMENTS + 4}`))).toBe(false);
    } finally {
      await database.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('prepares nothing with prepare: false (DATABASE_PREPARE=off)', async () => {
    const database = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 1, prepare: false });
    try {
      for (let i = 0; i < 3; i++) await database.db.execute(sql`select ${i}::int as n, 'unprepared-probe' as probe`);
      // (postgres.js prepares its own connect-time queries: only ours are looked at.)
      expect((await preparedOn(database)).filter((s) => s.includes('probe') || s.includes('pg_prepared_statements'))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
