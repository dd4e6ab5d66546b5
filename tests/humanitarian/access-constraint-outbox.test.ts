// Issue 19: the access-constraint outbox trigger is statement-level (migrations/humanitarian/
// 0004_access_constraint_outbox_per_statement.sql), so a bulk load fires the outbox's retention
// and NOTIFY once per statement instead of once per row — and still emits every constraint's event.
import { asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '@peacegraph/kit';
import { accessConstraints, type NewAccessConstraintRow } from '../../subgraphs/humanitarian/src/access-constraint/access-constraint.table';
import { humanitarianOutbox as outbox } from '../../subgraphs/humanitarian/src/outbox/outbox.table';
import { TEST_DATABASES } from '../databases';

/** Constraints in the areas and missions of rows already seeded (no p-code written down here). */
async function constraintsLike(db: Database['db'], n: number, prefix: string): Promise<NewAccessConstraintRow[]> {
  const [model] = await db.select().from(accessConstraints).orderBy(asc(accessConstraints.id)).limit(1);
  return Array.from({ length: n }, (_, i) => ({ ...model!, id: `${prefix}-${i}`, source: 'test' }));
}

describe.each(TEST_DATABASES)('access-constraint outbox on $label', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.createSeeded!();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  test('the seed emitted one event per constraint', async () => {
    const [constraints] = await database.db.select({ n: sql<number>`count(*)::int` }).from(accessConstraints);
    const [events] = await database.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.topic, 'accessConstraintReported'));
    expect(events!.n).toBe(constraints!.n);
  });

  test('a multi-row INSERT emits one event per row with its fields; an INSERT of nothing emits none', async () => {
    const { db } = database;
    const rows = await constraintsLike(db, 3, 'AC-OUTBOX');
    // The outbox's retention and NOTIFY ran once for the statement (per row before 0004: 3 times).
    const notifies = await db.transaction(async (tx) => {
      await tx.execute(sql`set local track_functions = 'pl'`);
      await tx.insert(accessConstraints).values(rows);
      const result: any = await tx.execute(sql`select pg_stat_get_xact_function_calls('humanitarian.notify_outbox'::regproc)::int as calls`);
      return (result.rows ?? result)[0].calls;
    });
    expect(notifies).toBe(1);
    const events = await db.select().from(outbox).where(like(outbox.entityId, 'AC-OUTBOX-%')).orderBy(asc(outbox.entityId));
    expect(events.map((e) => [e.topic, e.entityId, e.missionId, e.adminAreaPcode, e.admin1Pcode, e.kind, e.organizationId])).toEqual(
      rows.map((r) => ['accessConstraintReported', r.id, r.missionId, r.adminAreaPcode, r.admin1Pcode, r.constraintType, r.reportingOrganizationId]),
    );
    const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    await db.insert(accessConstraints).values(rows).onConflictDoNothing(); // all three exist: nothing inserted
    const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox);
    expect(after!.n).toBe(before!.n);
  });

  test('a rolled-back insert emits nothing', async () => {
    const { db } = database;
    const rows = await constraintsLike(db, 2, 'AC-ROLLBACK');
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(accessConstraints).values(rows);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.select().from(outbox).where(like(outbox.entityId, 'AC-ROLLBACK-%'))).toEqual([]);
  });
});
