// Issue 19, "aggregates do not scan raw events per request": incidentStatistics and
// ceasefireViolationTimeline read the rollup the incidents triggers keep, with its pending deltas
// (migrations/incidents/0004_statistics_rollup.sql, 0005_rollup_delta.sql). After the seed and after each kind of write — reports, verification
// steps and refutations through the real mutations, and what has no mutation (fatalities edited,
// an incident moved to another area or month, deletions, multi-row statements, a rolled-back
// transaction) by SQL — the numbers the disclosure control receives must equal the same
// aggregate computed from the raw incidents table, for callers of every kind of scope.
import { and, asc, count, eq, gte, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  accessFrom,
  AuditLog,
  loadAgreementsFor,
  migrateAll,
  migrateSet,
  repoRoot,
  runSubgraphOperation,
  type Access,
  type BuiltSubgraph,
  type Database,
} from '@peacegraph/kit';
import { buildIncidentsSubgraph, createIncidentsLoaders, seedIncidents } from '@peacegraph/incidents';
import { incidentScope } from '../../subgraphs/incidents/src/incident/incident.filter';
import { incidents } from '../../subgraphs/incidents/src/incident/incident.table';
import {
  ceasefireViolations,
  incidentStatistics,
  incidentStatisticsQuery,
} from '../../subgraphs/incidents/src/statistics/statistics.loaders';
import { IncidentEventType } from '../../subgraphs/incidents/src/taxonomy/taxonomy';
import { incidentRollup, incidentRollupDelta } from '../../subgraphs/incidents/src/statistics/statistics.table';
import { IncidentStatisticsFilterInput } from '../../subgraphs/incidents/src/statistics/statistics.type';
import { identityOf } from '../../subgraphs/incidents/src/testing';
import { postgresUrlOf, TEST_DATABASES } from '../databases';

/** Callers of every kind of scope: none, some areas of one mission, a whole mission as owner and reporter, UN-wide, an expired agreement. */
const AUDIENCES = ['public', 'ngo-partner', 'mission-ops', 'un-agency', 'ngo-other'];
const FILTERS: Partial<IncidentStatisticsFilterInput>[] = [
  { adminLevel: 2 },
  { adminLevel: 1 },
  { adminLevel: 1, missionId: 'minusca', fromMonth: '2024-01', toMonth: '2025-06' },
  { adminLevel: 2, adminAreaPcode: 'CF43', eventType: IncidentEventType.BATTLES },
];
const AGREEMENT = 'Political Agreement for Peace and Reconciliation in the Central African Republic (Khartoum/Bangui, 6 February 2019)';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id version } } }`;
const TRANSITION = `mutation($input: TransitionVerificationInput!) { transitionVerification(input: $input) { id version verificationStatus } }`;

const filterOf = (f: Partial<IncidentStatisticsFilterInput>) => Object.assign(new IncidentStatisticsFilterInput(), f);

/** The reference: the aggregate as it was computed before the rollup, over the raw incidents (test-only). */
async function rawStatistics(db: Database['db'], access: Access, filter: IncidentStatisticsFilterInput) {
  const i = incidents;
  const month = sql<string>`to_char(${i.eventDate}, 'YYYY-MM')`;
  const area = filter.adminLevel === 1 ? i.admin1Pcode : i.adminAreaPcode;
  const unrefuted = ne(i.verificationStatus, 'REFUTED');
  const visible = incidentScope(access);
  const n = (where?: SQL) => (where ? sql<number>`(count(*) filter (where ${where}))::int` : sql<number>`count(*)::int`);
  const f = (where?: SQL) => sql<number>`(coalesce(sum(${i.fatalities})${where ? sql` filter (where ${where})` : sql``}, 0))::int`;
  const both = and(unrefuted, visible)!;
  const conditions: SQL[] = [];
  if (filter.missionId) conditions.push(eq(i.missionId, filter.missionId.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(area, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.fromMonth) conditions.push(gte(month, filter.fromMonth));
  if (filter.toMonth) conditions.push(lte(month, filter.toMonth));
  if (filter.eventType) conditions.push(eq(i.eventType, filter.eventType));
  const rows = await db
    .select({
      missionId: i.missionId,
      adminAreaPcode: area,
      month,
      eventType: i.eventType,
      eUnrefuted: n(unrefuted),
      eAll: n(),
      eVisibleUnrefuted: n(both),
      eVisibleAll: n(visible),
      fUnrefuted: f(unrefuted),
      fAll: f(),
      fVisibleUnrefuted: f(both),
      fVisibleAll: f(visible),
    })
    .from(i)
    .where(and(...conditions))
    .groupBy(i.missionId, area, month, i.eventType)
    .orderBy(asc(i.missionId), asc(area), asc(month), asc(i.eventType));
  return rows.map((r) => ({
    missionId: r.missionId,
    adminAreaPcode: r.adminAreaPcode,
    month: r.month,
    eventType: r.eventType,
    events: { unrefuted: r.eUnrefuted, all: r.eAll, visibleUnrefuted: r.eVisibleUnrefuted, visibleAll: r.eVisibleAll },
    fatalities: { unrefuted: r.fUnrefuted, all: r.fAll, visibleUnrefuted: r.fVisibleUnrefuted, visibleAll: r.fVisibleAll },
  }));
}

/** The ceasefire reference over the raw incidents (test-only). */
function rawCeasefireViolations(db: Database['db'], access: Access) {
  const i = incidents;
  const month = sql<string>`to_char(${i.eventDate}, 'YYYY-MM')`;
  const agreement = sql<string>`coalesce(${i.violatedAgreement}, '')`;
  const visible = incidentScope(access);
  return db
    .select({
      missionId: i.missionId,
      agreement,
      month,
      violations: sql<number>`count(*)::int`,
      visibleViolations: sql<number>`(count(*) filter (where ${visible}))::int`,
      fatalities: sql<number>`(coalesce(sum(${i.fatalities}), 0))::int`,
      visibleFatalities: sql<number>`(coalesce(sum(${i.fatalities}) filter (where ${visible}), 0))::int`,
    })
    .from(i)
    .where(and(eq(i.localType, 'CEASEFIRE_VIOLATION'), ne(i.verificationStatus, 'REFUTED')))
    .groupBy(i.missionId, agreement, month)
    .orderBy(asc(i.missionId), asc(agreement), asc(month));
}

/** Every relation a plan reads, as schema.table. */
function relationsOf(node: { Schema?: string; 'Relation Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Relation Name'] ? [`${node.Schema}.${node['Relation Name']}`] : [];
  return [...own, ...((node.Plans ?? []) as (typeof node)[]).flatMap(relationsOf)];
}

/**
 * The rollup equals a GROUP BY of the raw table, cell by cell (and keeps no empty cell). Only
 * where no compaction is held open elsewhere: then every write folds all deltas at once.
 */
async function expectCellsExact(db: Database['db']) {
  expect(await db.select().from(incidentRollupDelta)).toEqual([]);
  const raw = db
    .select({
      missionId: incidents.missionId,
      adminAreaPcode: incidents.adminAreaPcode,
      admin1Pcode: incidents.admin1Pcode,
      month: sql<string>`to_char(${incidents.eventDate}, 'YYYY-MM')`,
      eventType: incidents.eventType,
      localType: incidents.localType,
      violatedAgreement: incidents.violatedAgreement,
      reportedByOrganizationId: incidents.reportedByOrganizationId,
      refuted: sql<boolean>`${incidents.verificationStatus} = 'REFUTED'`,
      events: sql<number>`count(*)::int`,
      fatalities: sql<number>`sum(${incidents.fatalities})::int`,
    })
    .from(incidents)
    .groupBy(sql`1, 2, 3, 4, 5, 6, 7, 8, 9`);
  const key = (r: object) => JSON.stringify(r);
  const cells = (await db.select().from(incidentRollup)).map(key).sort();
  expect(cells).toEqual((await raw).map(key).sort());
}

describe.each(TEST_DATABASES)('statistics rollup on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  const accesses = new Map<string, Access>();
  const run = async (query: string, variables: Record<string, unknown>) => {
    const result: any = await runSubgraphOperation(built, database, createIncidentsLoaders, identityOf('mission-ops'), query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const report = async (clientKey: string, overrides: Record<string, unknown> = {}) =>
    (
      await run(REPORT, {
        input: { clientKey, missionId: 'MINUSCA', eventDate: '2025-03-14', subEventType: 'ARMED_CLASH', adminAreaPcode: 'CF431', latitude: 5.79, longitude: 20.66, fatalities: 3, ...overrides },
      })
    ).reportIncident.incident as { id: string; version: number };
  const transition = async (incidentId: string, expectedVersion: number, to: string) =>
    (await run(TRANSITION, { input: { incidentId, expectedVersion, to, reason: 'Rollup test step.' } })).transitionVerification as { version: number };

  /** The rollup is exact, and every caller's statistics equal the raw aggregate. */
  async function expectRollupExact() {
    const { db } = database;
    await expectCellsExact(db);
    for (const [audience, access] of accesses) {
      for (const f of FILTERS) {
        const filter = filterOf(f);
        expect(await incidentStatistics(db, access, filter), `${audience} ${JSON.stringify(f)}`).toEqual(await rawStatistics(db, access, filter));
      }
      expect(await ceasefireViolations(db, access), `${audience} ceasefire`).toEqual(await rawCeasefireViolations(db, access));
    }
  }

  beforeAll(async () => {
    database = await kind.createSeeded!();
    built = await buildIncidentsSubgraph();
    for (const audience of AUDIENCES) {
      const identity = identityOf(audience);
      accesses.set(audience, accessFrom(identity, await loadAgreementsFor(database.db, identity), new AuditLog('incidents', () => null)));
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  test('after the seed (inserted through the triggers) the rollup is exact', async () => {
    const [cells] = await database.db.select({ n: count() }).from(incidentRollup);
    expect(cells!.n).toBeGreaterThan(100);
    await expectRollupExact();
  });

  test('reports, verification and refutation through the mutations keep it exact', async () => {
    const first = await report('rollup-1');
    const second = await report('rollup-2', { fatalities: 1 }); // the same cell
    await report('rollup-3', { localType: 'CEASEFIRE_VIOLATION', violatedAgreement: AGREEMENT, eventDate: '2025-04-02', fatalities: 2 });
    await report('rollup-4', { adminAreaPcode: 'CF41', latitude: 5.8, longitude: 19.3, eventDate: '2024-11-20', subEventType: 'ATTACK', fatalities: 0 });
    await expectRollupExact();
    let v = await transition(first.id, first.version, 'UNDER_VERIFICATION');
    await transition(first.id, v.version, 'VERIFIED');
    v = await transition(second.id, second.version, 'UNDER_VERIFICATION');
    v = await transition(second.id, v.version, 'REFUTED');
    await expectRollupExact();
    // A refutation reopened, and a seeded incident refuted.
    await transition(second.id, v.version, 'UNDER_VERIFICATION');
    const [seeded] = await database.db
      .select({ id: incidents.id, version: incidents.version })
      .from(incidents)
      .where(and(eq(incidents.missionId, 'MINUSCA'), eq(incidents.verificationStatus, 'UNDER_VERIFICATION'), eq(incidents.admin1Pcode, 'CF43')))
      .limit(1);
    await transition(seeded!.id, seeded!.version, 'REFUTED');
    await expectRollupExact();
  });

  test('edits with no mutation (fatalities, area, month, deletion, many rows at once) keep it exact', async () => {
    const { db } = database;
    const mine = like(incidents.clientKey, 'rollup-%');
    const [reported] = await db.select({ n: count() }).from(incidents).where(mine);
    expect(reported!.n).toBe(4); // the reports above, which the edits below find by client key
    await db.update(incidents).set({ fatalities: 7 }).where(eq(incidents.clientKey, 'rollup-1'));
    // Out of NRC's areas (CF43 → CF41) and into another month.
    await db.update(incidents).set({ adminAreaPcode: 'CF41', admin1Pcode: 'CF41' }).where(eq(incidents.clientKey, 'rollup-2'));
    await db.update(incidents).set({ eventDate: '2025-05-30' }).where(eq(incidents.clientKey, 'rollup-3'));
    await db.update(incidents).set({ verificationStatus: 'REFUTED' }).where(mine);
    await expectRollupExact();
    // One statement over hundreds of rows and cells, and an update that changes no cell.
    await db.update(incidents).set({ fatalities: sql`${incidents.fatalities} + 1` }).where(and(eq(incidents.missionId, 'MINUSCA'), gte(incidents.eventDate, '2025-01-01')));
    await db.update(incidents).set({ summary: sql`${incidents.summary}` }).where(eq(incidents.missionId, 'MONUSCO'));
    await expectRollupExact();
    // A whole cell deleted (its rollup row must go), then copies inserted by INSERT … SELECT.
    const [cell] = await db
      .select({ area: incidents.adminAreaPcode, month: sql<string>`to_char(${incidents.eventDate}, 'YYYY-MM')`, type: incidents.eventType })
      .from(incidents)
      .where(eq(incidents.missionId, 'MINUSCA'))
      .limit(1);
    await db
      .delete(incidents)
      .where(and(eq(incidents.adminAreaPcode, cell!.area), sql`to_char(${incidents.eventDate}, 'YYYY-MM') = ${cell!.month}`, eq(incidents.eventType, cell!.type)));
    await db.delete(incidents).where(eq(incidents.clientKey, 'rollup-4'));
    await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table copies on commit drop as select * from incidents.incidents where mission_id = 'UNMISS'`);
      await tx.execute(sql`update copies set id = id || '-COPY', client_key = null`);
      await tx.execute(sql`insert into incidents.incidents select * from copies`);
    });
    await expectRollupExact();
  });

  test('a rolled-back write leaves it as it was', async () => {
    const before = await database.db.select().from(incidentRollup);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(incidents).set({ verificationStatus: 'REFUTED' }).where(eq(incidents.missionId, 'MINUSCA'));
        await tx.delete(incidents).where(eq(incidents.missionId, 'UNMISS'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await database.db.select().from(incidentRollup)).length).toBe(before.length);
    await expectRollupExact();
  });

  // PostgreSQL only: PGlite has one connection, so no two writers are ever in flight at once.
  test.runIf(kind.label === 'postgres')('writers of one cell do not wait for each other, and reads stay exact while a compaction is held open', async () => {
    const { db } = database;
    const [source] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.missionId, 'MINUSCA')).limit(1);
    /** A copy of the source incident under another id: the same cell. */
    const copy = (tx: Pick<Database['db'], 'execute'>, id: string) =>
      tx.execute(sql`insert into incidents.incidents
        select (jsonb_populate_record(null::incidents.incidents, to_jsonb(i) || jsonb_build_object('id', ${id}::text, 'client_key', null))).*
        from incidents.incidents i where i.id = ${source!.id}`);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // This write compacts (no one else is) and keeps its transaction open: it holds the cell's rollup row.
    const open = db.transaction(async (tx) => {
      await copy(tx, `${source!.id}-HELD`);
      holding();
      await released;
    });
    await held;
    try {
      // Before 0005 each of these waited on the open write's lock of the cell's rollup row.
      for (const n of [1, 2, 3]) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`set local lock_timeout = '2s'`);
          await copy(tx, `${source!.id}-FREE-${n}`);
        });
      }
      const pending = await db.select().from(incidentRollupDelta);
      expect(pending.reduce((sum, d) => sum + d.events, 0)).toBe(3);
      for (const [audience, access] of accesses) {
        for (const f of FILTERS) {
          const filter = filterOf(f);
          expect(await incidentStatistics(db, access, filter), `${audience} ${JSON.stringify(f)}`).toEqual(await rawStatistics(db, access, filter));
        }
      }
    } finally {
      release();
      await open;
    }
    // The next write folds every delta in.
    await db.delete(incidents).where(like(incidents.id, `${source!.id}-%`));
    await expectRollupExact();
  });

  test('the statistics statements read the rollup, never the incidents table', async () => {
    for (const audience of ['public', 'ngo-partner', 'mission-ops']) {
      const access = accesses.get(audience)!;
      for (const statement of [incidentStatisticsQuery(database.db, access, filterOf(FILTERS[2]!)), ceasefireViolations(database.db, access, 'MINUSCA')]) {
        const result: any = await database.db.execute(sql`explain (format json, verbose) ${statement}`);
        const rows = result.rows ?? result;
        const plan = rows[0]['QUERY PLAN'];
        const relations = relationsOf((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
        expect(relations, audience).toContain('incidents.incident_rollup');
        expect(relations, audience).toContain('incidents.incident_rollup_delta');
        expect(relations, audience).not.toContain('incidents.incidents');
      }
    }
  });
});

describe.each(TEST_DATABASES)('the rollup migration on $label', (kind) => {
  let database: Database;
  afterAll(async () => {
    await database?.close();
  });

  test('backfills the incidents already there, and the triggers take over from it', async () => {
    database = await kind.create();
    await migrateAll(database, ['policy', 'missions']);
    // The incidents set as it was before 0004_statistics_rollup, seeded, then migrated.
    const folder = mkdtempSync(path.join(tmpdir(), 'incidents-migrations-'));
    cpSync(path.join(repoRoot, 'migrations', 'incidents'), folder, { recursive: true });
    const journalFile = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0004_statistics_rollup'));
    writeFileSync(journalFile, JSON.stringify(journal));
    await migrateSet(database, 'incidents', folder);
    rmSync(folder, { recursive: true });
    await seedIncidents(database.db);
    await database.db.update(incidents).set({ verificationStatus: 'REFUTED' }).where(eq(incidents.missionId, 'UNISFA'));
    await migrateAll(database, ['incidents']);
    const [cells] = await database.db.select({ n: count() }).from(incidentRollup);
    expect(cells!.n).toBeGreaterThan(100);
    await expectCellsExact(database.db);
    await database.db.delete(incidents).where(eq(incidents.missionId, 'UNISFA'));
    await expectCellsExact(database.db);
  });
});
