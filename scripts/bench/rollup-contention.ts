// Same-cell write contention on the incidents rollup (issue 19; docs/benchmarks.md "Concurrent
// writes to one cell"). `tsx scripts/bench/rollup-contention.ts [scale=10] [seconds=10]` seeds a
// throwaway PostgreSQL database next to DATABASE_URL's at that scale, then runs pgbench: 10
// clients, each transaction inserting one incident into the same cell (a copy of one MINUSCA
// incident) plus 0.5 or 2 ms of other work (pg_sleep), under three write paths —
//   delta: the triggers as migrated (0005: append a delta, compact if no one else is);
//   0004:  the 0004 trigger function restored (upsert the cell's rollup row in the write);
//   none:  the rollup's insert and delete triggers disabled (the limit).
// Prints tx/s per run, checks the rollup still counts every incident, and drops the database.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { checkedScale, migrateAll, openDatabase, repoRoot, sharedDataDir } from '@peacegraph/kit';
import { seedAll } from '../seed/seed-all';

const scale = checkedScale(Number(process.argv[2] ?? 10));
const seconds = Number(process.argv[3] ?? 10);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `peacegraph_contention_x${scale}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

/** The trigger function as a migration defines it, to put it back. */
function triggerFunctionOf(migration: string): string {
  const text = readFileSync(path.join(repoRoot, 'migrations', 'incidents', migration), 'utf8');
  const start = text.search(/CREATE (OR REPLACE )?FUNCTION "incidents"\."incident_rollup_changes"/);
  const end = text.indexOf('$$;', start) + 3;
  return text.slice(start, end).replace(/^CREATE FUNCTION/, 'CREATE OR REPLACE FUNCTION');
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
const folder = mkdtempSync(path.join(tmpdir(), 'rollup-contention-'));
try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const database = await openDatabase({ url: url.toString() });
  try {
    await migrateAll(database);
    await seedAll(database, sharedDataDir, { scale });
  } finally {
    await database.close();
  }
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [source] = await sql`select id from incidents.incidents where mission_id = 'MINUSCA' order by id limit 1`;
  const script = path.join(folder, 'insert-one.sql');
  writeFileSync(
    script,
    `BEGIN;
INSERT INTO incidents.incidents
  SELECT (jsonb_populate_record(NULL::incidents.incidents, to_jsonb(i) || jsonb_build_object('id', 'CONTENTION-' || gen_random_uuid(), 'client_key', NULL))).*
  FROM incidents.incidents i WHERE i.id = '${String(source!.id).replaceAll("'", "''")}';
SELECT pg_sleep(:work);
COMMIT;
`,
  );
  const modes: Record<string, () => Promise<unknown>> = {
    delta: () => sql.unsafe(triggerFunctionOf('0005_rollup_delta.sql')),
    '0004': () => sql.unsafe(triggerFunctionOf('0004_statistics_rollup.sql')),
    none: () => sql`alter table incidents.incidents disable trigger incident_rollup_insert, disable trigger incident_rollup_delete`,
  };
  console.log(`×${scale}, ${seconds} s per run, 10 clients, one cell (copies of ${source!.id})`);
  for (const work of [0.0005, 0.002]) {
    for (const [mode, enter] of Object.entries(modes)) {
      await enter();
      const out = execFileSync('pgbench', ['-n', '-c', '10', '-j', '2', '-T', String(seconds), '-f', script, '-D', `work=${work}`, url.toString()], {
        encoding: 'utf8',
      });
      const tps = /tps = ([\d.]+)/.exec(out)?.[1];
      await sql`delete from incidents.incidents where id like 'CONTENTION-%'`;
      await sql`alter table incidents.incidents enable trigger incident_rollup_insert, enable trigger incident_rollup_delete`;
      await modes.delta!();
      const [check] = await sql`select (select count(*) from incidents.incidents)::int as incidents, (select coalesce(sum(events), 0) from incidents.incident_cells)::int as counted`;
      if (check!.incidents !== check!.counted) throw new Error(`rollup off after ${mode}: ${check!.counted} counted, ${check!.incidents} incidents`);
      await sql`vacuum analyze incidents.incidents`;
      await sql`vacuum incidents.incident_rollup, incidents.incident_rollup_delta`;
      console.log(`other work ${work * 1000} ms  ${mode.padEnd(5)} ${Number(tps).toFixed(0).padStart(6)} tx/s`);
    }
  }
  await sql.end();
} finally {
  rmSync(folder, { recursive: true });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
