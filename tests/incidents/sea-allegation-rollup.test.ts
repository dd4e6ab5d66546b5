// Issue 19, "aggregates do not scan raw rows per request": seaAllegationStatistics reads the rollup
// the SEA-allegation triggers keep (migrations/incidents/0006_sea_allegation_rollup.sql). After the
// seed and after inserts, updates that move allegations between missions and years, deletions of
// whole cells and a rolled-back transaction, the rollup equals a GROUP BY of the raw table, and the
// statistics the public and the conduct-and-discipline role get (suppressed below the threshold for
// both) equal the ones computed from the raw counts as before.
import { asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discloseCount, runSubgraphOperation, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildIncidentsSubgraph, createIncidentsLoaders } from '@peacegraph/incidents';
import { seaAllegationRollup, seaAllegationRollupDelta } from '../../subgraphs/incidents/src/sea-allegation/sea-allegation-rollup.table';
import { seaAllegationCountsQuery } from '../../subgraphs/incidents/src/sea-allegation/sea-allegation.loaders';
import { seaAllegations as t } from '../../subgraphs/incidents/src/sea-allegation/sea-allegation.table';
import { demoIdentity } from '@peacegraph/reference';
import { TEST_DATABASES } from '../databases';
import { deleteAllThenRollBack } from '../rollup-checks';

const QUERY = `query ($m: String) { seaAllegationStatistics(missionId: $m) { missionId year allegations suppressed } }`;
const CALLERS = [demoIdentity('public'), demoIdentity('conduct-discipline')];

/** The reference: the statistics as they were computed before the rollup, from the raw rows (test-only). */
async function rawStatistics(db: Database['db'], missionId: string | null) {
  const year = sql<number>`extract(year from ${t.reportedOn})::int`;
  const rows = await db
    .select({ missionId: t.missionId, year, n: sql<number>`count(*)::int` })
    .from(t)
    .where(missionId ? eq(t.missionId, missionId) : undefined)
    .groupBy(t.missionId, year)
    .orderBy(asc(t.missionId), asc(year));
  return rows.map((r) => {
    const c = discloseCount(r.n);
    return { missionId: r.missionId, year: r.year, allegations: c.value, suppressed: c.suppressed };
  });
}

function relationsOf(node: { Schema?: string; 'Relation Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Relation Name'] ? [`${node.Schema}.${node['Relation Name']}`] : [];
  return [...own, ...((node.Plans ?? []) as (typeof node)[]).flatMap(relationsOf)];
}

describe.each(TEST_DATABASES)('SEA allegation rollup on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  let missions: (string | null)[] = [null];

  async function expectExact() {
    const { db } = database;
    expect(await db.select().from(seaAllegationRollupDelta)).toEqual([]); // one writer at a time: every write folds everything
    const raw: any = await db.execute(sql`select mission_id, extract(year from reported_on)::int as year, count(*)::int as allegations from incidents.sea_allegations group by 1, 2`);
    const rollup: any = await db.execute(sql`select mission_id, year, allegations from incidents.sea_allegation_rollup`);
    const key = (r: object) => JSON.stringify(r);
    expect((rollup.rows ?? rollup).map(key).sort()).toEqual((raw.rows ?? raw).map(key).sort());
    for (const identity of CALLERS) {
      for (const m of missions) {
        const result = await runSubgraphOperation(built, database, createIncidentsLoaders, identity, QUERY, { m });
        expect(result.errors, identity.subject).toBeUndefined();
        expect(result.data!.seaAllegationStatistics, `${identity.subject} ${m}`).toEqual(await rawStatistics(db, m));
      }
    }
  }

  beforeAll(async () => {
    database = await kind.createSeeded!();
    built = await buildIncidentsSubgraph();
    const [first] = await database.db.select({ missionId: t.missionId }).from(t).orderBy(asc(t.id)).limit(1);
    missions = [null, first!.missionId];
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  test('after the seed the rollup is exact, with small and large cells', async () => {
    const cells = await database.db.select().from(seaAllegationRollup);
    expect(cells.length).toBeGreaterThan(2);
    expect(cells.some((c) => discloseCount(c.allegations).suppressed)).toBe(true);
    await expectExact();
  });

  test('inserts, updates that move allegations between cells, and deletions keep it exact', async () => {
    const { db } = database;
    const models = await db.select().from(t).orderBy(asc(t.id)).limit(6);
    await db.insert(t).values(models.map((m, i) => ({ ...m, id: `SEA-ROLLUP-${i}` })));
    await expectExact();
    const [other] = await db.select().from(t).orderBy(sql`${t.id} desc`).limit(1);
    await db.update(t).set({ reportedOn: '2019-03-04' }).where(eq(t.id, 'SEA-ROLLUP-0'));
    await db.update(t).set({ missionId: other!.missionId, adminAreaPcode: other!.adminAreaPcode }).where(like(t.id, 'SEA-ROLLUP-%'));
    await db.update(t).set({ summary: sql`${t.summary}` }); // every row, no cell changes
    await expectExact();
    await db.delete(t).where(eq(t.id, 'SEA-ROLLUP-1'));
    await db.delete(t).where(sql`${t.missionId} = ${other!.missionId} and extract(year from ${t.reportedOn}) = extract(year from ${other!.reportedOn}::date)`); // a whole cell goes
    await expectExact();
  });

  test('a rolled-back write leaves it as it was', async () => {
    await deleteAllThenRollBack(database.db, t);
    await expectExact();
  });

  test('the statistics statement reads the rollup and its deltas, never the allegations', async () => {
    for (const m of missions) {
      const result: any = await database.db.execute(sql`explain (format json, verbose) ${seaAllegationCountsQuery(database.db, m)}`);
      const plan = (result.rows ?? result)[0]['QUERY PLAN'];
      const relations = relationsOf((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
      expect(relations).toContain('incidents.sea_allegation_rollup');
      expect(relations).toContain('incidents.sea_allegation_rollup_delta');
      expect(relations).not.toContain('incidents.sea_allegations');
    }
  });
});
