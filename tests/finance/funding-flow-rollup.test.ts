// Issue 19, "aggregates do not scan raw rows per request": fundingFlows.totals and Plan.fundingUsd
// read the rollup the funding-flow triggers keep (migrations/finance/0004_funding_flow_rollup.sql).
// After the seed and after a confidential pledge and its conversion through the mutations,
// inserts, updates that move flows between cells, deletions and a rolled-back transaction, the
// rollup equals a GROUP BY of the raw table, and every caller's totals and plan funding (a donor's
// own confidential pledge, a finance officer's view of all, the public's) equal the aggregates over
// the raw rows as they were computed before.
import { and, asc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessFrom, AuditLog, loadAgreementsFor, runSubgraphOperation, type Access, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { fundingFlowRollup, fundingFlowRollupDelta } from '../../subgraphs/finance/src/funding-flow/funding-flow-rollup.table';
import { flowConditions, normalizeFilter, totalsIncludeConfidential, type FlowFilter } from '../../subgraphs/finance/src/funding-flow/funding-flow.filter';
import { flowTotalsLoader, flowTotalsQuery } from '../../subgraphs/finance/src/funding-flow/funding-flow.loaders';
import { totalledFlows, visibleFlows } from '../../subgraphs/finance/src/funding-flow/funding-flow.scope';
import { fundingFlows as t } from '../../subgraphs/finance/src/funding-flow/funding-flow.table';
import { buildFinanceSubgraph } from '../../subgraphs/finance/src/index';
import { createFinanceLoaders } from '../../subgraphs/finance/src/loaders';
import { formatThousandths, toThousandths } from '../../subgraphs/finance/src/money/decimal';
import { planFundingLoader, planFundingQuery } from '../../subgraphs/finance/src/plan/plan.loaders';
import { plans } from '../../subgraphs/finance/src/plan/plan.table';
import { demoIdentity } from '../../subgraphs/finance/src/testing';
import { TEST_DATABASES } from '../databases';
import { deleteAllThenRollBack } from '../rollup-checks';

/** un-agency is a finance officer (every confidential flow), donor sees its own, the others none. */
const AUDIENCES = ['public', 'donor', 'un-agency', 'mission-ops', 'ngo-partner'];
const CELL = `origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
  destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason`;

/** The reference: the totals as they were computed before the rollup, over the raw rows (test-only). */
async function rawTotals(db: Database['db'], access: Access, filter: FlowFilter) {
  const includesConfidential = totalsIncludeConfidential(filter);
  const rows = await db
    .select({ status: t.status, n: sql<number>`count(*)::int`, usd: sql<string>`sum(${t.amountUsd})::text` })
    .from(t)
    .where(and(...flowConditions(filter), includesConfidential ? totalledFlows(access) : visibleFlows(access)))
    .groupBy(t.status);
  const of = (status: string) => toThousandths(rows.find((r) => r.status === status)?.usd ?? '0');
  return {
    flowCount: rows.reduce((s, r) => s + r.n, 0),
    pledgedUsd: formatThousandths(of('pledge'), 'USD'),
    committedUsd: formatThousandths(of('commitment'), 'USD'),
    paidUsd: formatThousandths(of('paid'), 'USD'),
    fundingUsd: formatThousandths(of('commitment') + of('paid'), 'USD'),
    includesConfidential,
  };
}

/** The reference for Plan.fundingUsd: the loader's statement as it was, over the raw rows. */
async function rawPlanFunding(db: Database['db'], access: Access, ids: number[]) {
  const rows = await db
    .select({ planId: t.destinationPlanId, usd: sql<string>`sum(${t.amountUsd})::text` })
    .from(t)
    .where(and(inArray(t.destinationPlanId, ids), inArray(t.status, ['paid', 'commitment']), sql`${t.boundary} = 'incoming'`, totalledFlows(access)))
    .groupBy(t.destinationPlanId);
  const byId = new Map(rows.map((r) => [r.planId, r.usd]));
  return ids.map((id) => byId.get(id) ?? '0');
}

function relationsOf(node: { Schema?: string; 'Relation Name'?: string; Plans?: unknown[] }): string[] {
  const own = node['Relation Name'] ? [`${node.Schema}.${node['Relation Name']}`] : [];
  return [...own, ...((node.Plans ?? []) as (typeof node)[]).flatMap(relationsOf)];
}

describe.each(TEST_DATABASES)('funding-flow rollup on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  const accesses = new Map<string, Access>();
  /** Filters built from the seeded rows (no plan, donor or country written down here). */
  let filters: FlowFilter[][] = [];
  let planIds: number[] = [];

  async function expectExact() {
    const { db } = database;
    expect(await db.select().from(fundingFlowRollupDelta)).toEqual([]); // one writer at a time: every write folds everything
    const raw: any = await db.execute(sql.raw(`select ${CELL}, count(*)::int as flows, sum(amount_usd)::text as amount_usd from finance.funding_flows group by ${CELL}`));
    const rollup: any = await db.execute(sql.raw(`select ${CELL}, flows, amount_usd::text from finance.funding_flow_rollup`));
    const key = (r: object) => JSON.stringify(r);
    expect((rollup.rows ?? rollup).map(key).sort()).toEqual((raw.rows ?? raw).map(key).sort());
    for (const [audience, access] of accesses) {
      for (const group of filters) {
        // A fresh loader per batch: the group's filters go to one statement, as in a request.
        const totals = await flowTotalsLoader(db, access).loadMany(group);
        for (const [i, filter] of group.entries()) expect(totals[i], `${audience} ${JSON.stringify(filter)}`).toEqual(await rawTotals(db, access, filter));
      }
      expect(await planFundingLoader(db, access).loadMany(planIds), audience).toEqual(await rawPlanFunding(db, access, planIds));
    }
  }

  beforeAll(async () => {
    database = await kind.createSeeded!();
    built = await buildFinanceSubgraph();
    for (const audience of AUDIENCES) {
      const identity = demoIdentity(audience);
      accesses.set(audience, accessFrom(identity, await loadAgreementsFor(database.db, identity), new AuditLog('finance', () => null)));
    }
    const { db } = database;
    const [planned] = await db.select().from(t).where(sql`${t.destinationPlanId} is not null and ${t.sourceOrganizationId} is not null`).orderBy(asc(t.id)).limit(1);
    const donors = await db.selectDistinct({ id: t.sourceOrganizationId }).from(t).where(sql`${t.sourceOrganizationId} is not null`).orderBy(asc(t.sourceOrganizationId)).limit(3);
    const recipients = await db.selectDistinct({ id: t.destinationOrganizationId }).from(t).where(sql`${t.destinationOrganizationId} is not null`).orderBy(asc(t.destinationOrganizationId)).limit(3);
    planIds = (await db.select({ id: plans.id }).from(plans).orderBy(asc(plans.id))).map((p) => p.id);
    filters = [
      [{}],
      [{ status: 'paid' }, { status: 'pledge' }],
      [{ destinationCountryIso3: planned!.destinationLocations[0]! }],
      [{ planCode: planned!.destinationPlanCode }],
      [{ sourceOrganizationName: planned!.sourceOrganizationName!.toUpperCase() }],
      [{ destinationOrganizationName: planned!.destinationOrganizationName }],
      planIds.slice(0, 4).map((planId) => ({ planId })),
      [...donors.map((d) => ({ sourceOrganizationId: d.id })), { sourceOrganizationId: 'gov-norway' }],
      recipients.map((r) => ({ destinationOrganizationId: r.id, status: 'paid' })),
    ].map((group) => group.map(normalizeFilter));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  test('after the seed the rollup is exact', async () => {
    expect((await database.db.select().from(fundingFlowRollup)).length).toBeGreaterThan(20);
    await expectExact();
  });

  test('a confidential pledge and its conversion through the mutations keep it exact', async () => {
    const run = (audience: string, query: string, variables: Record<string, unknown>) =>
      runSubgraphOperation(built, database, createFinanceLoaders, demoIdentity(audience), query, variables);
    const [plan] = await database.db.select().from(plans).orderBy(asc(plans.id)).limit(1);
    const pledged = await run('donor', `mutation ($input: RecordPledgeInput!) { recordPledge(input: $input) { id confidential } }`, {
      input: { clientKey: 'rollup-pledge-1', sourceOrganizationId: 'gov-norway', destinationOrganizationId: 'nrc', destinationPlanCode: plan!.code, destinationLocations: [plan!.countryIso3[0]], amount: '1000000.00', currency: 'NOK', exchangeRate: '10.5', exchangeRateDate: '2024-06-03', confidential: true },
    });
    expect(pledged.errors).toBeUndefined();
    await expectExact();
    const converted = await run('donor', `mutation ($input: ConvertPledgeInput!) { convertPledgeToCommitment(input: $input) { id status } }`, {
      input: { clientKey: 'rollup-convert-1', flowId: (pledged.data as any).recordPledge.id, amount: '1200000.00' },
    });
    expect(converted.errors).toBeUndefined();
    expect((converted.data as any).convertPledgeToCommitment.status).toBe('COMMITMENT');
    await expectExact();
  });

  test('inserts, updates that move flows between cells, and deletions keep it exact', async () => {
    const { db } = database;
    const models = await db.select().from(t).where(sql`${t.destinationPlanId} is not null`).orderBy(asc(t.id)).limit(5);
    await db.insert(t).values(models.map((m, i) => ({ ...m, id: `FLOW-ROLLUP-${i}`, ftsId: null, origin: 'recorded' })));
    await expectExact();
    const [other] = await db.select().from(t).where(sql`${t.destinationPlanId} is not null`).orderBy(sql`${t.id} desc`).limit(1);
    await db.update(t).set({ amountUsd: '123456.78' }).where(eq(t.id, 'FLOW-ROLLUP-0'));
    await db.update(t).set({ status: 'pledge', confidential: true, confidentialReason: 'UNPUBLISHED_PLEDGE', sourceOrganizationId: 'gov-norway' }).where(eq(t.id, 'FLOW-ROLLUP-1'));
    await db
      .update(t)
      .set({ destinationPlanId: other!.destinationPlanId, destinationPlanCode: other!.destinationPlanCode, destinationLocations: other!.destinationLocations })
      .where(like(t.id, 'FLOW-ROLLUP-%'));
    await db.update(t).set({ boundary: 'internal', destinationOrganizationName: 'Somebody Else' }).where(eq(t.id, 'FLOW-ROLLUP-2'));
    await db.update(t).set({ description: sql`${t.description}` }); // every row, no cell changes
    await expectExact();
    await db.delete(t).where(eq(t.id, 'FLOW-ROLLUP-3'));
    await db.delete(t).where(eq(t.destinationPlanId, other!.destinationPlanId!)); // whole cells go
    await expectExact();
  });

  test('a rolled-back write leaves it as it was', async () => {
    await deleteAllThenRollBack(database.db, t);
    await expectExact();
  });

  test('the totals and plan-funding statements read the rollup and its deltas, never the flows', async () => {
    for (const audience of ['public', 'donor', 'un-agency']) {
      const access = accesses.get(audience)!;
      const statements: { toSQL(): unknown }[] = [...filters.map((group) => flowTotalsQuery(database.db, access, group)), planFundingQuery(database.db, access, planIds)];
      for (const statement of statements) {
        const result: any = await database.db.execute(sql`explain (format json, verbose) ${statement as unknown as SQL}`);
        const plan = (result.rows ?? result)[0]['QUERY PLAN'];
        const relations = relationsOf((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan);
        expect(relations, audience).toContain('finance.funding_flow_rollup');
        expect(relations, audience).toContain('finance.funding_flow_rollup_delta');
        expect(relations, audience).not.toContain('finance.funding_flows');
      }
    }
  });
});
