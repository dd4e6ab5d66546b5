import 'reflect-metadata';
import { and, asc, eq, sql } from 'drizzle-orm';
import { integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlOf, TEST_DATABASES } from '../../../tests/databases';
import { openDatabase, type Database, type Db } from './db';
import type { Identity } from './identity';
import { accessFrom, type AgreementInForce } from './policy/access';
import { AuditLog } from './policy/audit';
import { Classified, DataClass, ScopedBy } from './policy/data-class';
import { rowFilter } from './policy/row-filter';
import { anyOf, MAX_PREPARED_SHAPES, prepared, shapeOf } from './prepared';

const schema = pgSchema('prep');
const reports = schema.table('reports', { id: text('id').primaryKey(), n: integer('n').notNull(), missionId: text('mission_id'), areaPcode: text('area_pcode') });
const SETUP = `
  create schema prep;
  create table prep.reports (id text primary key, n integer not null, mission_id text, area_pcode text);
  insert into prep.reports values ('r1', 1, 'MINUSCA', 'CF43'), ('r2', 2, 'MINUSCA', 'CF52'), ('r3', 3, 'MONUSCO', 'CD61'), ('r4', 4, null, null);`;

@ScopedBy({ mission: 'missionId', area: 'areaPcode' })
@ObjectType()
class Report {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;
}

const identity: Identity = { subject: 's', organizationId: 'ngo-a', organizationType: 'ingo', roles: [] };
const grant = (id: string, missionIds: string[], adminAreaPcodes: string[] | null): AgreementInForce => ({
  id, provider: 'minusca', providerType: 'mission', providerAcronym: 'MINUSCA', recipientType: 'ingo', status: 'ACTIVE', version: 1,
  requestedBySubject: null, recipientOrganizationId: 'ngo-a', recipientOrganizationType: null, recipientRole: null, dataClasses: ['PARTNER'],
  missionIds, adminAreaPcodes, validFrom: new Date('2024-01-01'), validUntil: null, purpose: 't', updatedAt: new Date('2024-01-01'),
});
const accessWith = (...grants: AgreementInForce[]) => accessFrom(identity, grants, new AuditLog('test', () => null));

/** The loader shape under test: reports by id within the caller's scope. */
async function reportsById(db: Db, scope: ReturnType<typeof rowFilter>, ids: string[], built: { count: number }) {
  const rows = await prepared(db, `reportsById:${shapeOf(scope)}`, () => {
    built.count++;
    return db.select().from(reports).where(and(anyOf(reports.id, 'ids'), scope)).orderBy(asc(reports.id));
  }).execute({ ids });
  return rows.map((r) => r.id);
}

describe.each(TEST_DATABASES)('statements prepared once per shape ($label)', (kind) => {
  let database: Database;
  const texts: string[] = [];
  beforeAll(async () => {
    database = await kind.create();
    await database.exec(SETUP);
  });
  afterAll(() => database.close());

  it('builds a statement once and binds each batch as one array: same SQL text for 1 and 3 keys', async () => {
    const built = { count: 0 };
    const all = rowFilter(accessWith(grant('g', ['MINUSCA', 'MONUSCO'], null)), Report, reports);
    const before = database.statementCount();
    expect(await reportsById(database.db, all, ['r2'], built)).toEqual(['r2']);
    expect(await reportsById(database.db, all, ['r3', 'r1', 'r9', 'r2'], built)).toEqual(['r1', 'r2']); // r3: MONUSCO's, not this provider's
    expect(built.count).toBe(1);
    // Still counted as statements (the bench and performance.e2e read the counter).
    expect(database.statementCount() - before).toBe(2);
  });

  it('binds an integer column’s batch with the column’s type, and a placeholder through the column’s encoder', async () => {
    const rows = await prepared(database.db, 'reportsByN', () =>
      database.db.select().from(reports).where(and(anyOf(reports.n, 'ns'), eq(reports.missionId, sql.placeholder('mission')))).orderBy(asc(reports.n)),
    ).execute({ ns: [1, 2, 3], mission: 'MINUSCA' });
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it('never serves one caller’s scope with a statement built for another’s: the scope’s values are part of the shape', async () => {
    const built = { count: 0 };
    const wide = rowFilter(accessWith(grant('g1', ['MINUSCA'], ['CF'])), Report, reports);
    const narrow = rowFilter(accessWith(grant('g2', ['MINUSCA'], ['CF43'])), Report, reports); // r2 is in CF52
    const none = rowFilter(accessWith(), Report, reports);
    const ids = ['r1', 'r2', 'r3', 'r4'];
    for (let round = 0; round < 2; round++) {
      expect(await reportsById(database.db, wide, ids, built)).toEqual(['r1', 'r2']);
      expect(await reportsById(database.db, narrow, ids, built)).toEqual(['r1']);
      expect(await reportsById(database.db, none, ids, built)).toEqual([]);
    }
    expect(built.count).toBe(3);
    expect(shapeOf(narrow)).not.toBe(shapeOf(rowFilter(accessWith(grant('g3', ['MINUSCA'], ['CF52'])), Report, reports)));
  });

  it('runs a transaction’s statements in that transaction', async () => {
    const built = { count: 0 };
    const all = rowFilter(accessWith(grant('g', ['MINUSCA'], null)), Report, reports);
    await reportsById(database.db, all, ['r5'], built);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into prep.reports values ('r5', 5, 'MINUSCA', 'CF43')`);
        expect(await reportsById(tx as unknown as Db, all, ['r5'], built)).toEqual(['r5']);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(await reportsById(database.db, all, ['r5'], built)).toEqual([]);
  });

  it(`keeps at most ${MAX_PREPARED_SHAPES} shapes per database, oldest out`, async () => {
    let builds = 0;
    const build = () => {
      builds++;
      return database.db.select().from(reports).where(eq(reports.id, sql.placeholder('id')));
    };
    for (let i = 0; i <= MAX_PREPARED_SHAPES; i++) prepared(database.db, `bounded:${i}`, build);
    prepared(database.db, `bounded:${MAX_PREPARED_SHAPES}`, build); // the newest is kept
    expect(builds).toBe(MAX_PREPARED_SHAPES + 1);
    prepared(database.db, 'bounded:0', build); // the oldest was dropped
    expect(builds).toBe(MAX_PREPARED_SHAPES + 2);
  });

  it.runIf(kind.label === 'postgres')('lets postgres.js reuse ONE server-side prepared statement for every batch size', async () => {
    // One connection, so the session that ran the statements is the one asked about them.
    const single = await openDatabase({ url: postgresUrlOf(database), maxConnections: 1, prepare: true, onStatement: (q) => texts.push(q) });
    try {
      const all = rowFilter(accessWith(grant('g', ['MINUSCA', 'MONUSCO'], null)), Report, reports);
      for (const ids of [['r1'], ['r1', 'r2'], ['r1', 'r2', 'r3']]) await reportsById(single.db, all, ids, { count: 0 });
      const result = await single.db.execute(sql`select statement from pg_prepared_statements where statement like '%from "prep"."reports"%' and statement not like '%pg_prepared_statements%'`);
      const statements = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { statement: string }[];
      expect(statements).toHaveLength(1);
      expect(new Set(texts.filter((t) => t.includes('from "prep"."reports"') && !t.includes('pg_prepared_statements'))).size).toBe(1);
    } finally {
      await single.close();
    }
  });

  it.runIf(kind.label === 'postgres')('prepares nothing on the server with DATABASE_PREPARE=off (prepare: false), in a transaction or not', async () => {
    const unprepared = await openDatabase({ url: postgresUrlOf(database), maxConnections: 1, prepare: false });
    try {
      const all = rowFilter(accessWith(grant('g', ['MINUSCA', 'MONUSCO'], null)), Report, reports);
      expect(await reportsById(unprepared.db, all, ['r1', 'r2'], { count: 0 })).toEqual(['r1', 'r2']);
      await unprepared.db.transaction(async (tx) => {
        expect(await reportsById(tx as unknown as Db, all, ['r1'], { count: 0 })).toEqual(['r1']);
        const result = await tx.execute(sql`select statement from pg_prepared_statements where statement like '%from "prep"."reports"%' and statement not like '%pg_prepared_statements%'`);
        expect(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).toEqual([]);
      });
    } finally {
      await unprepared.close();
    }
  });
});
