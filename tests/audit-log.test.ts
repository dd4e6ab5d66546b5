// The audit log's writer: requests that flush while an INSERT is running go together in the
// next one (group commit), and every row lands, on PGlite and PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, DataClass, migrateAll, type Database } from '@peacegraph/kit';
import { demoIdentity } from '../scripts/seed/reference/organizations';
import { TEST_DATABASES } from './databases';

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

    async function rowsFor(operation: string): Promise<{ subject: string; entity_id: string }[]> {
      const result = await database.db.execute(sql`select subject, entity_id from policy.audit_events where operation_name = ${operation} order by id`);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { subject: string; entity_id: string }[];
    }

    it('writes the rows of requests flushing at once in fewer statements than requests, all of them', async () => {
      const logs = Array.from({ length: 10 }, (_, i) => {
        const log = new AuditLog('incidents', () => 'GroupCommit');
        const identity = { ...demoIdentity('mission-ops'), subject: `person-${i}@minusca` };
        for (let row = 0; row < 3; row++) log.record(identity, DataClass.PRECISE_LOCATION, { entityType: 'Incident', entityId: `INC-${i}-${row}`, field: 'location' }, 'GRANTED');
        return log;
      });
      const before = database.statementCount();
      await Promise.all(logs.map((log) => log.flush(database.db)));
      expect(database.statementCount() - before).toBeLessThan(logs.length);
      const rows = await rowsFor('GroupCommit');
      expect(rows).toHaveLength(30);
      for (let i = 0; i < 10; i++) expect(rows.filter((r) => r.subject === `person-${i}@minusca`).map((r) => r.entity_id).sort()).toEqual([`INC-${i}-0`, `INC-${i}-1`, `INC-${i}-2`]);
    });

    it('writes each decision once, however often a request flushes', async () => {
      const log = new AuditLog('incidents', () => 'FlushTwice');
      log.record(demoIdentity('mission-ops'), DataClass.PRECISE_LOCATION, { entityType: 'Incident', entityId: 'INC-A', field: 'location' }, 'GRANTED');
      await log.flush(database.db);
      log.record(demoIdentity('mission-ops'), DataClass.PRECISE_LOCATION, { entityType: 'Incident', entityId: 'INC-B', field: 'location' }, 'DENIED');
      await log.flush(database.db);
      await log.flush(database.db);
      expect((await rowsFor('FlushTwice')).map((r) => r.entity_id)).toEqual(['INC-A', 'INC-B']);
    });

    it('logs a shared read again for the person who joined it', async () => {
      const reader = new AuditLog('incidents', () => 'Joined');
      reader.record(demoIdentity('mission-ops'), DataClass.PRECISE_LOCATION, { entityType: 'Incident', entityId: 'INC-C', field: 'location' }, 'GRANTED');
      const joiner = new AuditLog('incidents', () => 'Joined');
      joiner.recordAs({ ...demoIdentity('mission-ops'), subject: 'colleague@minusca' }, reader.decisions);
      await Promise.all([reader.flush(database.db), joiner.flush(database.db)]);
      const rows = await rowsFor('Joined');
      expect(rows.map((r) => [r.subject, r.entity_id]).sort()).toEqual([
        [demoIdentity('mission-ops').subject, 'INC-C'],
        ['colleague@minusca', 'INC-C'],
      ].sort());
    });
  });
}
