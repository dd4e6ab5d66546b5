// Issue 19, "aggregates do not scan raw rows per request": Mission.humanitarianFootprint reads the
// rollup the 3W triggers keep (migrations/humanitarian/0006_footprint_rollup.sql). After the seed
// and after inserts, updates that move rows between cells (status, period, organisation, country),
// deletions of whole cells and a rolled-back transaction, the rollup equals a GROUP BY of the raw
// table, and the footprint each caller gets through the subgraph (every 3W row is PUBLIC, so the
// public and a cleared mission officer get the same) equals the one computed from the raw rows as
// it was before.
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSubgraphOperation, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders } from '@peacegraph/humanitarian';
import { footprintRollup, footprintRollupDelta } from '../../subgraphs/humanitarian/src/footprint/footprint-rollup.table';
import { footprintQuery } from '../../subgraphs/humanitarian/src/footprint/footprint.loaders';
import { operationalPresence as t } from '../../subgraphs/humanitarian/src/operational-presence/operational-presence.table';
import { demoIdentity } from '../../subgraphs/humanitarian/src/testing';
import { TEST_DATABASES } from '../databases';
import { deleteAllThenRollBack } from '../rollup-checks';

const AUDIENCES = ['public', 'mission-ops', 'ngo-partner'];
const QUERY = `query ($r: [_Any!]!, $activeOn: Date) { _entities(representations: $r) { ... on Mission { id
  humanitarianFootprint(activeOn: $activeOn) { organizationsPresent organizations { id } clusters peopleTargeted peopleReached } } } }`;
const CELL = 'country_iso3, organization_id, cluster, status, period_start, period_end';

/** The reference: the footprint as it was computed before the rollup, from the raw rows (test-only). */
async function rawFootprint(db: Database['db'], countries: string[], activeOn: string | null) {
  const rows = (await db.select().from(t).where(inArray(t.countryIso3, countries)).orderBy(asc(t.id))).filter((r) =>
    activeOn ? r.periodStart <= activeOn && r.periodEnd >= activeOn : r.status === 'ONGOING',
  );
  const organizationIds = [...new Set(rows.map((r) => r.organizationId))].sort();
  return {
    organizationsPresent: organizationIds.length,
    organizations: organizationIds.map((id) => ({ id })),
    clusters: [...new Set(rows.map((r) => r.cluster))].sort(),
    peopleTargeted: rows.reduce((s, r) => s + r.targetedTotal, 0),
    peopleReached: rows.reduce((s, r) => s + r.reachedTotal, 0),
  };
}

function relationsOf(node: { Schema?: string; 'Relation Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Relation Name'] ? [`${node.Schema}.${node['Relation Name']}`] : [];
  return [...own, ...((node.Plans ?? []) as (typeof node)[]).flatMap(relationsOf)];
}

describe.each(TEST_DATABASES)('3W footprint rollup on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  /** Missions with their host countries, and dates inside the seeded periods (none written down here). */
  const missions = [
    { id: 'MINUSCA', hostCountryIso3: ['CAF'] },
    { id: 'MONUSCO', hostCountryIso3: ['COD'] },
    { id: 'TWO-COUNTRIES', hostCountryIso3: ['CAF', 'SSD'] },
  ];
  let dates: (string | null)[] = [null];

  async function expectExact() {
    const { db } = database;
    expect(await db.select().from(footprintRollupDelta)).toEqual([]); // one writer at a time: every write folds everything
    const raw: any = await db.execute(
      sql.raw(`select ${CELL}, count(*)::int as activities, sum(targeted_total)::bigint::text as targeted, sum(reached_total)::bigint::text as reached from humanitarian.operational_presence group by ${CELL}`),
    );
    const rollup: any = await db.execute(sql.raw(`select ${CELL}, activities, targeted::text, reached::text from humanitarian.footprint_rollup`));
    const key = (r: object) => JSON.stringify(r);
    expect((rollup.rows ?? rollup).map(key).sort()).toEqual((raw.rows ?? raw).map(key).sort());
    for (const audience of AUDIENCES) {
      for (const activeOn of dates) {
        const result = await runSubgraphOperation(built, database, createHumanitarianLoaders, demoIdentity(audience), QUERY, {
          r: missions.map((m) => ({ __typename: 'Mission', ...m })),
          activeOn,
        });
        expect(result.errors, audience).toBeUndefined();
        const got = (result.data!._entities as { humanitarianFootprint: unknown }[]).map((e) => e.humanitarianFootprint);
        const want = await Promise.all(missions.map((m) => rawFootprint(db, m.hostCountryIso3, activeOn)));
        expect(got, `${audience} ${activeOn}`).toEqual(want);
      }
    }
  }

  beforeAll(async () => {
    database = await kind.createSeeded!();
    built = await buildHumanitarianSubgraph();
    const periods = await database.db.selectDistinct({ start: t.periodStart, end: t.periodEnd }).from(t).orderBy(asc(t.periodStart), asc(t.periodEnd));
    dates = [null, periods[0]!.start, periods[periods.length - 1]!.end];
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  test('after the seed the rollup is exact, and the footprint counts something', async () => {
    expect((await database.db.select().from(footprintRollup)).length).toBeGreaterThan(20);
    const [minusca] = await Promise.all([rawFootprint(database.db, ['CAF'], null)]);
    expect(minusca!.organizationsPresent).toBeGreaterThan(3);
    await expectExact();
  });

  test('inserts, updates that move rows between cells, and deletions keep it exact', async () => {
    const { db } = database;
    const models = await db.select().from(t).where(eq(t.countryIso3, 'CAF')).orderBy(asc(t.id)).limit(5);
    await db.insert(t).values(models.map((m, i) => ({ ...m, id: `3W-ROLLUP-${i}`, status: 'ONGOING', source: 'test' })));
    await expectExact();
    const [other] = await db.select().from(t).where(eq(t.countryIso3, 'SSD')).orderBy(sql`${t.id} desc`).limit(1);
    await db.update(t).set({ targetedTotal: 90_000, reachedTotal: 12_345 }).where(eq(t.id, '3W-ROLLUP-0'));
    await db.update(t).set({ status: 'COMPLETED', periodStart: other!.periodStart, periodEnd: other!.periodEnd }).where(eq(t.id, '3W-ROLLUP-1'));
    await db.update(t).set({ organizationId: other!.organizationId, cluster: other!.cluster }).where(like(t.id, '3W-ROLLUP-%'));
    await db.update(t).set({ countryIso3: 'SSD', adminAreaPcode: other!.adminAreaPcode, admin1Pcode: other!.admin1Pcode }).where(eq(t.id, '3W-ROLLUP-2'));
    await db.update(t).set({ remarks: sql`${t.remarks}` }); // every row, no cell changes
    await expectExact();
    await db.delete(t).where(eq(t.id, '3W-ROLLUP-3'));
    const [cell] = await db.select().from(t).where(and(eq(t.countryIso3, 'CAF'), eq(t.status, 'ONGOING'), sql`${t.id} not like '3W-ROLLUP-%'`)).limit(1);
    await db.delete(t).where(and(eq(t.organizationId, cell!.organizationId), eq(t.countryIso3, 'CAF'))); // whole cells go
    await expectExact();
  });

  test('a rolled-back write leaves it as it was', async () => {
    await deleteAllThenRollBack(database.db, t);
    await expectExact();
  });

  test('the footprint statement reads the rollup and its deltas, never the 3W rows', async () => {
    for (const activeOn of dates) {
      const result: any = await database.db.execute(sql`explain (format json, verbose) ${footprintQuery(database.db, ['CAF', 'SSD'], activeOn)}`);
      const plan = (result.rows ?? result)[0]['QUERY PLAN'];
      const relations = relationsOf((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
      expect(relations).toContain('humanitarian.footprint_rollup');
      expect(relations).toContain('humanitarian.footprint_rollup_delta');
      expect(relations).not.toContain('humanitarian.operational_presence');
    }
  });
});
