// The migrated and seeded embedded database made at install and copied by `pnpm start`
// (scripts/services/seeded-cluster.ts): a copy holds exactly what migrations and seed write,
// and a changed input never gets an old copy. Real PGlite, real migrations and seed. The copy is
// for the embedded database only, so this file runs the same with or without DATABASE_URL.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, openDatabase, type Database } from '@peacegraph/kit';
import { seedAll } from '../../scripts/seed/seed-all';
import { isNewDataDir, prepareSeededCluster, restoreSeededCluster, seedInputsKey } from '../../scripts/services/seeded-cluster';

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * Every table of the five schemas: row count and an md5 of its rows in a fixed order, over the
 * columns the seed's own code writes — not those the database fills at insert time with the
 * clock or at random (`now()`, `gen_random_uuid()`), which differ between any two seeds.
 */
async function contents(database: Database): Promise<Record<string, string>> {
  const columns = rowsOf<{ t: string; c: string }>(
    await database.db.execute(sql`
      select c.table_schema || '.' || c.table_name as t, c.column_name as c
      from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema in ('policy','missions','incidents','humanitarian','finance','drizzle') and t.table_type = 'BASE TABLE'
        and coalesce(c.column_default, '') not similar to '%(now\\(\\)|random|CURRENT_TIMESTAMP)%'
        and not (c.table_schema = 'drizzle' and c.column_name = 'created_at')
      order by 1, c.ordinal_position`),
  );
  const byTable = new Map<string, string[]>();
  for (const { t, c } of columns) byTable.set(t, [...(byTable.get(t) ?? []), `"${c}"`]);
  const out: Record<string, string> = {};
  for (const [table, cols] of byTable) {
    const row = `(${cols.join(', ')})::text`;
    const [r] = rowsOf<{ n: number; digest: string | null }>(
      await database.db.execute(sql.raw(`select count(*)::int as n, md5(string_agg(${row}, E'\\n' order by ${row})) as digest from ${table}`)),
    );
    out[table] = `${r!.n} ${r!.digest ?? ''}`;
  }
  return out;
}

describe('seed inputs key', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'peacegraph-seed-key-'));
  const data = path.join(root, 'shared-data');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('changes with every migration, seed, subgraph source, lockfile and data file, and with nothing else', () => {
    write('migrations/policy/0000_init.sql', 'create table a (id int);');
    write('scripts/seed/seed-all.ts', 'export {}');
    write('subgraphs/incidents/src/seed/generate.ts', 'export const n = 1;');
    write('pnpm-lock.yaml', 'lockfileVersion: 9');
    write('shared-data/fts/flows.csv', 'a,b\n1,2\n');
    const key = () => seedInputsKey(root, data);
    const seen = new Set([key()]);
    expect(key()).toBe([...seen][0]); // stable

    const changes: [string, string][] = [
      ['migrations/policy/0000_init.sql', 'create table a (id bigint);'],
      ['migrations/policy/0001_more.sql', 'alter table a add b int;'],
      ['scripts/seed/seed-all.ts', 'export const x = 1;'],
      ['scripts/seed/fallback/un-peacekeeping-fatalities.csv', 'x\n'],
      ['subgraphs/incidents/src/seed/generate.ts', 'export const n = 2;'],
      ['pnpm-lock.yaml', 'lockfileVersion: 9.1'],
      ['shared-data/fts/flows.csv', 'a,b\n1,3\n'],
      ['shared-data/new-file.csv', 'z\n'],
      ['schema/agreements.json', '{"agreements": []}'],
    ];
    for (const [file, text] of changes) {
      write(file, text);
      const next = key();
      expect(seen.has(next), `${file} changed, the key did not`).toBe(false);
      seen.add(next);
    }
    // Build output, installed packages, tests and other parts of the repository are not inputs.
    const last = key();
    write('subgraphs/incidents/dist/index.js', 'built');
    write('subgraphs/incidents/node_modules/x/index.js', 'installed');
    write('subgraphs/incidents/src/seed/generate.test.ts', 'a test');
    write('gateway/src/index.ts', 'gateway');
    write('docs/benchmarks.md', 'docs');
    expect(key()).toBe(last);
    // A data directory that is absent (the shipped excerpt is used) is a different input again.
    expect(seedInputsKey(root, path.join(root, 'no-such-dir'))).not.toBe(last);
  });

  it('is the same for two calls on this repository', () => {
    expect(seedInputsKey()).toBe(seedInputsKey());
  });
});

describe('a prepared seeded cluster (real PGlite)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'peacegraph-seeded-'));
  const cacheDir = path.join(dir, 'cache');
  const keyA = 'a'.repeat(64);
  const keyB = 'b'.repeat(64);
  let seededDirectly: Record<string, string>;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const database = await openDatabase();
    try {
      await migrateAll(database);
      await seedAll(database);
      seededDirectly = await contents(database);
      // The comparison has teeth: the seeded tables are in it, with their rows' digest.
      expect(seededDirectly['incidents.incidents']).toMatch(/^\d{4,} [0-9a-f]{32}$/);
      expect(Object.keys(seededDirectly).length).toBeGreaterThan(30);
    } finally {
      await database.close();
    }
  }, 300_000);

  it('holds exactly what migrations and seed write, and a restored copy is a working database kept on disk', async () => {
    const prepared = await prepareSeededCluster({ cacheDir, key: keyA });
    expect(prepared.created).toBe(true);
    expect(prepared.info.lines.some((l) => l.startsWith('incidents'))).toBe(true);
    expect((await prepareSeededCluster({ cacheDir, key: keyA })).created).toBe(false); // made once

    const target = path.join(dir, 'data', 'pglite');
    expect(isNewDataDir(target)).toBe(true);
    expect(restoreSeededCluster(target, { cacheDir, key: keyA })?.key).toBe(keyA);
    expect(readdirSync(path.dirname(target))).toEqual(['pglite']); // no half-copy left beside it
    const database = await openDatabase({ dataDir: target });
    try {
      expect(await contents(database)).toEqual(seededDirectly);
      // A copy: what is written to it (the probe table) does not reach the prepared cluster.
      await database.exec('create table incidents.copy_probe (x int); insert into incidents.copy_probe values (1)');
    } finally {
      await database.close();
    }
    const again = path.join(dir, 'data', 'again');
    restoreSeededCluster(again, { cacheDir, key: keyA });
    const second = await openDatabase({ dataDir: again });
    try {
      expect(await contents(second)).toEqual(seededDirectly);
    } finally {
      await second.close();
    }
  }, 300_000);

  it('never serves a copy made from other inputs, never replaces an existing database, and drops superseded copies', async () => {
    const fresh = path.join(dir, 'data', 'other-inputs');
    // Inputs changed (another key): nothing is copied, the directory stays new.
    expect(restoreSeededCluster(fresh, { cacheDir, key: keyB })).toBeUndefined();
    expect(existsSync(fresh)).toBe(false);
    // An existing database is never overwritten, whatever the key.
    const existing = path.join(dir, 'data', 'pglite');
    expect(isNewDataDir(existing)).toBe(false);
    expect(restoreSeededCluster(existing, { cacheDir, key: keyA })).toBeUndefined();
    // In-memory databases are not copied into.
    expect(isNewDataDir('memory://')).toBe(false);

    // A half-built one (its process gone) is neither served nor kept.
    mkdirSync(path.join(cacheDir, `pglite-seeded-${keyB.slice(0, 32)}.partial-999999999`), { recursive: true });
    const rebuilt = await prepareSeededCluster({ cacheDir, key: keyB });
    expect(rebuilt.created).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([`pglite-seeded-${keyB.slice(0, 32)}`]);
    expect(restoreSeededCluster(path.join(dir, 'data', 'stale'), { cacheDir, key: keyA })).toBeUndefined();
    expect(restoreSeededCluster(fresh, { cacheDir, key: keyB })?.key).toBe(keyB);
  }, 300_000);
});
