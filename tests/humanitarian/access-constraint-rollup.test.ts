// Issue 19, "aggregates do not scan raw rows per request": accessConstraintCounts reads the rollup
// the access-constraint triggers keep (migrations/humanitarian/0005_access_constraint_rollup.sql).
// After the seed and after inserts, updates that move rows between cells, deletions and a
// rolled-back transaction, the rollup equals a GROUP BY of the raw table and every caller's
// counts (the numbers the disclosure control receives) equal the aggregate over the raw rows.
import { and, asc, eq, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessFrom, AuditLog, loadAgreementsFor, rowFilter, snapToMonths, type Access, type Database } from '@peacegraph/kit';
import { accessConstraintRollup, accessConstraintRollupDelta } from '../../subgraphs/humanitarian/src/access-constraint/access-constraint-rollup.table';
import { countAccessConstraints, countAccessConstraintsQuery, type ConstraintFilter } from '../../subgraphs/humanitarian/src/access-constraint/access-constraint.loaders';
import { accessConstraints as t } from '../../subgraphs/humanitarian/src/access-constraint/access-constraint.table';
import { AccessConstraint } from '../../subgraphs/humanitarian/src/access-constraint/access-constraint.type';
import { demoIdentity } from '../../subgraphs/humanitarian/src/testing';
import { TEST_DATABASES } from '../databases';
import { deleteAllThenRollBack } from '../rollup-checks';

const AUDIENCES = ['public', 'ngo-partner', 'mission-ops', 'un-agency', 'ngo-other'];

/** The reference: the aggregate as it was computed before the rollup, over the raw rows (test-only). */
function rawCounts(db: Database['db'], access: Access, filter: ConstraintFilter) {
  const month = sql<string>`to_char(${t.occurredOn}, 'YYYY-MM')`;
  const { fromMonth, toMonth } = snapToMonths(filter.from, filter.to);
  const conditions: SQL[] = [];
  if (filter.countryIso3) conditions.push(eq(t.countryIso3, filter.countryIso3.toUpperCase()));
  if (filter.missionId) conditions.push(eq(t.missionId, filter.missionId));
  if (filter.adminAreaPcode) conditions.push(like(t.admin1Pcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.constraintType) conditions.push(eq(t.constraintType, filter.constraintType));
  if (fromMonth) conditions.push(gte(month, fromMonth));
  if (toMonth) conditions.push(lte(month, toMonth));
  return db
    .select({
      admin1Pcode: t.admin1Pcode,
      missionId: t.missionId,
      month,
      constraintType: t.constraintType,
      n: sql<number>`count(*)::int`,
      visible: sql<number>`(count(*) filter (where ${rowFilter(access, AccessConstraint, t)}))::int`,
    })
    .from(t)
    .where(and(...conditions))
    .groupBy(t.admin1Pcode, t.missionId, month, t.constraintType)
    .orderBy(asc(t.admin1Pcode), asc(month), asc(t.constraintType));
}

function relationsOf(node: { Schema?: string; 'Relation Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Relation Name'] ? [`${node.Schema}.${node['Relation Name']}`] : [];
  return [...own, ...((node.Plans ?? []) as (typeof node)[]).flatMap(relationsOf)];
}

describe.each(TEST_DATABASES)('access-constraint rollup on $label', (kind) => {
  let database: Database;
  const accesses = new Map<string, Access>();
  /** Filters built from the seeded rows (no p-code or mission written down here). */
  let filters: ConstraintFilter[] = [];

  async function expectExact() {
    const { db } = database;
    expect(await db.select().from(accessConstraintRollupDelta)).toEqual([]); // one writer at a time: every write folds everything
    const raw: any = await db.execute(sql`select country_iso3, mission_id, admin1_pcode, admin_area_pcode, to_char(occurred_on, 'YYYY-MM') as month,
        constraint_type, reporting_organization_id, count(*)::int as constraints from humanitarian.access_constraints group by 1, 2, 3, 4, 5, 6, 7`);
    const rollup: any = await db.execute(sql`select country_iso3, mission_id, admin1_pcode, admin_area_pcode, month,
        constraint_type, reporting_organization_id, constraints from humanitarian.access_constraint_rollup`);
    const key = (r: object) => JSON.stringify(r);
    expect((rollup.rows ?? rollup).map(key).sort()).toEqual((raw.rows ?? raw).map(key).sort());
    for (const [audience, access] of accesses) {
      for (const filter of filters) {
        expect(await countAccessConstraints(db, access, filter), `${audience} ${JSON.stringify(filter)}`).toEqual(await rawCounts(db, access, filter));
      }
    }
  }

  beforeAll(async () => {
    database = await kind.createSeeded!();
    for (const audience of AUDIENCES) {
      const identity = demoIdentity(audience);
      accesses.set(audience, accessFrom(identity, await loadAgreementsFor(database.db, identity), new AuditLog('humanitarian', () => null)));
    }
    const [sample] = await database.db.select().from(t).where(sql`${t.missionId} is not null`).orderBy(asc(t.id)).limit(1);
    filters = [
      {},
      { countryIso3: sample!.countryIso3 },
      { missionId: sample!.missionId, from: '2024-02-10', to: '2025-05-03' },
      { adminAreaPcode: sample!.admin1Pcode, constraintType: sample!.constraintType },
    ];
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  test('after the seed the rollup is exact', async () => {
    expect((await database.db.select().from(accessConstraintRollup)).length).toBeGreaterThan(20);
    await expectExact();
  });

  test('inserts, updates that move rows between cells, and deletions keep it exact', async () => {
    const { db } = database;
    const models = await db.select().from(t).orderBy(asc(t.id)).limit(5);
    await db.insert(t).values(models.map((m, i) => ({ ...m, id: `AC-ROLLUP-${i}`, source: 'test' })));
    await expectExact();
    const [other] = await db.select().from(t).orderBy(sql`${t.id} desc`).limit(1);
    await db.update(t).set({ occurredOn: '2025-01-15' }).where(eq(t.id, 'AC-ROLLUP-0'));
    await db.update(t).set({ adminAreaPcode: other!.adminAreaPcode, admin1Pcode: other!.admin1Pcode, countryIso3: other!.countryIso3 }).where(eq(t.id, 'AC-ROLLUP-1'));
    await db.update(t).set({ reportingOrganizationId: other!.reportingOrganizationId, constraintType: other!.constraintType }).where(like(t.id, 'AC-ROLLUP-%'));
    await db.update(t).set({ description: sql`${t.description}` }); // every row, no cell changes
    await expectExact();
    await db.delete(t).where(eq(t.id, 'AC-ROLLUP-2'));
    const [cell] = await db.select().from(t).where(sql`${t.id} not like 'AC-ROLLUP-%'`).limit(1);
    await db.delete(t).where(and(eq(t.admin1Pcode, cell!.admin1Pcode), eq(t.constraintType, cell!.constraintType))); // whole cells go
    await expectExact();
  });

  test('a rolled-back write leaves it as it was', async () => {
    await deleteAllThenRollBack(database.db, t);
    await expectExact();
  });

  test('the counts statement reads the rollup and its deltas, never the constraints', async () => {
    for (const audience of ['public', 'ngo-partner', 'mission-ops']) {
      const result: any = await database.db.execute(sql`explain (format json, verbose) ${countAccessConstraintsQuery(database.db, accesses.get(audience)!, filters[2]!)}`);
      const plan = (result.rows ?? result)[0]['QUERY PLAN'];
      const relations = relationsOf((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
      expect(relations, audience).toContain('humanitarian.access_constraint_rollup');
      expect(relations, audience).toContain('humanitarian.access_constraint_rollup_delta');
      expect(relations, audience).not.toContain('humanitarian.access_constraints');
    }
  });
});
