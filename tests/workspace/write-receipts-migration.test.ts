// The receipts written before the one idempotency mechanism (kit/src/idempotency.ts) survive its
// migrations: each subgraph's old write_receipts (and incidents' keys on its rows) end up in the
// one shape, and a retry of an old finance write still replays its first result.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { idempotent, migrateAll, migrateSet, repoRoot, type Database, type MigrationSet } from '@peacegraph/kit';
import { writeReceipts as financeReceipts } from '../../subgraphs/finance/src/tables';
import { TEST_DATABASES } from '../databases';

const SETS: MigrationSet[] = ['missions', 'incidents', 'humanitarian', 'finance'];

/** Applies one set's migrations up to (not including) its `*_receipts_one_shape`. */
async function migrateBefore(database: Database, set: MigrationSet): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), `${set}-migrations-`));
  cpSync(path.join(repoRoot, 'migrations', set), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.endsWith('_receipts_one_shape')));
  writeFileSync(journalFile, JSON.stringify(journal));
  await migrateSet(database, set, folder);
  rmSync(folder, { recursive: true });
}

const rowsOf = async (database: Database, query: ReturnType<typeof sql>) => {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
};

describe.each(TEST_DATABASES)('write receipts from before the one shape ($label)', (kind) => {
  let database: Database;
  afterAll(async () => {
    await database?.close();
  });

  it('are kept, each with its first result, and keys per organisation', async () => {
    database = await kind.create();
    for (const set of SETS) await migrateBefore(database, set);
    await database.exec(`
      insert into missions.write_receipts (organization_id, client_key, operation, input_hash, result_id, result)
        values ('minusca', 'm-1', 'closeMission', 'h1', 'MINUSCA', '{"missionId": "MINUSCA"}');
      insert into humanitarian.write_receipts (organization_id, client_key, operation, result_id, input_hash)
        values ('nrc', 'h-1', 'saveOperationalPresence', '3w-nrc-1', 'h2');
      insert into finance.write_receipts (actor, client_key, operation, input_hash, result)
        values ('gov-germany', 'f-1', 'recordPledge', '${createHash('sha256').update('recordPledge:{"amount":"5"}').digest('base64url')}', '{"id": "PG-1"}');
      insert into incidents.incidents (id, mission_id, event_date, time_precision, disorder_type, event_type, sub_event_type, admin_area_pcode, admin1_pcode,
          country_iso3, latitude, longitude, area_centroid_latitude, area_centroid_longitude, geo_precision, fatalities, reported_by_organization_id, provenance, client_key, request_hash)
        values ('INC-OLD', 'MINUSCA', '2025-01-01', 1, 'Political violence', 'BATTLES', 'ARMED_CLASH', 'CF43', 'CF43', 'CAF', 5.8, 20.7, 5.8, 20.7, 1, 0, 'minusca', 'reported', 'i-1', 'h3');
      insert into incidents.source_reports (id, incident_id, mission_id, admin_area_pcode, source_type, source_name, reliability, credibility, content, received_at,
          attached_by_subject, attached_by_organization_id, client_key, request_hash)
        values ('INC-OLD-S1', 'INC-OLD', 'MINUSCA', 'CF43', 'NGO', 'A', 'B', 2, 'x', now(), 'joc@minusca', 'minusca', 's-1', 'h4'),
               ('INC-OLD-S2', 'INC-OLD', 'MINUSCA', 'CF43', 'NGO', 'A', 'B', 2, 'x', now(), 'joc@minusca', 'minusca', 'i-1', 'h5');`);
    await migrateAll(database, SETS);

    const receipts = (schema: string) =>
      rowsOf(database, sql`select organization_id, client_key, operation, input_hash, result from ${sql.raw(`${schema}.write_receipts`)} order by client_key`);
    expect(await receipts('missions')).toEqual([
      { organization_id: 'minusca', client_key: 'm-1', operation: 'closeMission', input_hash: 'h1', result: { missionId: 'MINUSCA', id: 'MINUSCA' } },
    ]);
    expect(await receipts('humanitarian')).toEqual([
      { organization_id: 'nrc', client_key: 'h-1', operation: 'saveOperationalPresence', input_hash: 'h2', result: { id: '3w-nrc-1' } },
    ]);
    // One key space per organisation: the incident keeps 'i-1', the source that reused it is left out.
    expect(await receipts('incidents')).toEqual([
      { organization_id: 'minusca', client_key: 'i-1', operation: 'reportIncident', input_hash: 'h3', result: { id: 'INC-OLD' } },
      { organization_id: 'minusca', client_key: 's-1', operation: 'attachSource', input_hash: 'h4', result: { id: 'INC-OLD-S1' } },
    ]);

    // Finance hashed requests as the kit does: an old retry is replayed, not written again.
    const retry = await idempotent(
      database.db,
      financeReceipts,
      { organizationId: 'gov-germany', clientKey: 'f-1', operation: 'recordPledge', input: { clientKey: 'f-1', amount: '5' } },
      async () => {
        throw new Error('an old receipt must not write again');
      },
    );
    expect(retry).toEqual({ result: { id: 'PG-1' }, replayed: true });
  });
});
