// The audit log's writer: requests that flush while an INSERT is running go together in the
// next one (group commit), and every row lands, on PGlite and PostgreSQL.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, DataClass, migrateAll, migrateSet, repoRoot, type Database } from '@peacegraph/kit';
import { demoIdentity } from '@peacegraph/reference';
import { TEST_DATABASES } from '../databases';

for (const kind of TEST_DATABASES) {
  describe(`audit log writer on ${kind.label}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await kind.create();
      await migrateAll(database);
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    type EventRow = { subject: string; entity_type: string; field: string; decision: string; entity_ids: string[] };
    async function eventsFor(operation: string): Promise<EventRow[]> {
      const result = await database.db.execute(sql`select subject, entity_type, field, decision, entity_ids from policy.audit_events where operation_name = ${operation} order by id`);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as EventRow[];
    }
    const location = (entityId: string | null) => ({ entityType: 'Incident', entityId, field: 'location' });

    it('logs one event per person, field and decision, naming every entity once', async () => {
      const log = new AuditLog('incidents', () => 'OneEvent');
      const staff = demoIdentity('mission-ops');
      for (const id of ['INC-1', 'INC-2', 'INC-1', 'INC-3']) log.record(staff, DataClass.PRECISE_LOCATION, location(id), 'GRANTED');
      log.record(staff, DataClass.PRECISE_LOCATION, location('INC-4'), 'DENIED');
      log.record(staff, DataClass.VICTIM_IDENTITY, { entityType: 'Victim', entityId: 'V-1', field: 'fullName' }, 'GRANTED');
      log.record(staff, DataClass.PRECISE_LOCATION, location(null), 'GRANTED');
      await log.flush(database.db);
      expect(await eventsFor('OneEvent')).toEqual([
        { subject: staff.subject, entity_type: 'Incident', field: 'location', decision: 'GRANTED', entity_ids: ['INC-1', 'INC-2', 'INC-3'] },
        { subject: staff.subject, entity_type: 'Incident', field: 'location', decision: 'DENIED', entity_ids: ['INC-4'] },
        { subject: staff.subject, entity_type: 'Victim', field: 'fullName', decision: 'GRANTED', entity_ids: ['V-1'] },
      ]);
    });

    it('writes the events of requests flushing at once in fewer statements than requests, all of them', async () => {
      const logs = Array.from({ length: 10 }, (_, i) => {
        const log = new AuditLog('incidents', () => 'GroupCommit');
        const identity = { ...demoIdentity('mission-ops'), subject: `person-${i}@minusca` };
        for (let row = 0; row < 3; row++) log.record(identity, DataClass.PRECISE_LOCATION, location(`INC-${i}-${row}`), 'GRANTED');
        return log;
      });
      const before = database.statementCount();
      await Promise.all(logs.map((log) => log.flush(database.db)));
      expect(database.statementCount() - before).toBeLessThan(logs.length);
      const events = await eventsFor('GroupCommit');
      expect(events).toHaveLength(10);
      for (let i = 0; i < 10; i++) expect(events.filter((e) => e.subject === `person-${i}@minusca`).map((e) => e.entity_ids)).toEqual([[`INC-${i}-0`, `INC-${i}-1`, `INC-${i}-2`]]);
    });

    it('writes each decision once, however often a request flushes', async () => {
      const log = new AuditLog('incidents', () => 'FlushTwice');
      log.record(demoIdentity('mission-ops'), DataClass.PRECISE_LOCATION, location('INC-A'), 'GRANTED');
      await log.flush(database.db);
      log.record(demoIdentity('mission-ops'), DataClass.PRECISE_LOCATION, location('INC-B'), 'GRANTED');
      await log.flush(database.db);
      await log.flush(database.db);
      expect((await eventsFor('FlushTwice')).map((e) => e.entity_ids)).toEqual([['INC-A'], ['INC-B']]);
    });

    it('logs a shared read again for the person who joined it', async () => {
      const reader = new AuditLog('incidents', () => 'Joined');
      for (const id of ['INC-C', 'INC-D']) reader.record(demoIdentity('mission-ops'), DataClass.PRECISE_LOCATION, location(id), 'GRANTED');
      const joiner = new AuditLog('incidents', () => 'Joined');
      joiner.recordAs({ ...demoIdentity('mission-ops'), subject: 'colleague@minusca' }, reader.decisions);
      await Promise.all([reader.flush(database.db), joiner.flush(database.db)]);
      const events = await eventsFor('Joined');
      expect(events.map((e) => [e.subject, e.entity_ids.join()]).sort()).toEqual([
        [demoIdentity('mission-ops').subject, 'INC-C,INC-D'],
        ['colleague@minusca', 'INC-C,INC-D'],
      ].sort());
    });
  });

  describe(`audit events logged before events named several entities, on ${kind.label}`, () => {
    let database: Database;
    afterAll(async () => {
      await database?.close();
    });

    it('keep their entity, and the log stays append-only', async () => {
      database = await kind.create();
      // The policy set as it was before 0003_audit_entity_ids.
      const folder = mkdtempSync(path.join(tmpdir(), 'policy-migrations-'));
      cpSync(path.join(repoRoot, 'migrations', 'policy'), folder, { recursive: true });
      const journalFile = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0003_audit_entity_ids'));
      writeFileSync(journalFile, JSON.stringify(journal));
      await migrateSet(database, 'policy', folder);
      rmSync(folder, { recursive: true });

      await database.db.execute(sql`insert into policy.audit_events (subject, data_class, entity_type, entity_id, field, decision, subgraph)
        values ('old@minusca', 'PRECISE_LOCATION', 'Incident', 'INC-OLD', 'location', 'GRANTED', 'incidents'),
               ('old@minusca', 'AUDIT', 'AuditEvent', null, 'auditEvents', 'GRANTED', 'incidents')`);
      await migrateAll(database);

      const result = await database.db.execute(sql`select entity_type, entity_ids from policy.audit_events where subject = 'old@minusca' order by id`);
      const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
      expect(rows).toEqual([
        { entity_type: 'Incident', entity_ids: ['INC-OLD'] },
        { entity_type: 'AuditEvent', entity_ids: [] },
      ]);
      const update = database.db.execute(sql`update policy.audit_events set entity_ids = '{}' where subject = 'old@minusca'`);
      await expect(update.catch((error: Error) => Promise.reject(error.cause ?? error))).rejects.toThrow(/append-only/);
    });
  });
}
