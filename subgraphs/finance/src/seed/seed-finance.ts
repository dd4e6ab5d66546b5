import { count as countRows, like } from 'drizzle-orm';
import { checkedScale, insertInBatches, type BulkLoad, type Db } from '@peacegraph/kit';
import { fundingFlows } from '../funding-flow/funding-flow.table';
import { budgetPerformance } from '../budget-performance/budget-performance.table';
import { fiscalPeriodBounds } from '../fiscal-period/fiscal-period';
import { fiscalPeriods } from '../fiscal-period/fiscal-period.table';
import { importFts } from '../import/import-fts';
import { formatReport } from '../import/import-report';
import { missionBudgets } from '../mission-budget/mission-budget.table';
import { trustFunds, voluntaryContributions } from '../trust-fund/trust-fund.table';
import { MISSION_BUDGETS } from './mission-budgets.data';
import { generatedFlowRows, GENERATED_FLOW_ORIGIN } from './scaled-flows';
import { seedAssessments } from './seed-assessments';
import { BUDGET_PERFORMANCE, GENERATED, TRUST_FUNDS, VOLUNTARY_CONTRIBUTIONS } from './voluntary.data';

async function count<T>(rows: Promise<T[]>): Promise<number> {
  return (await rows).length;
}

/**
 * Fills the finance schema. Idempotent: rows are keyed by their natural keys and a second run
 * inserts nothing. `dataDir` is the shared data folder (../shared/data); without its `fts`
 * folder the FTS import reads the excerpt shipped in scripts/seed/fallback-fts/. `scale` > 1
 * (benchmarks only) adds generated funding flows (scaled-flows.ts) until the flows are that
 * multiple of the imported FTS flows, through `load` (seedAll passes COPY on PostgreSQL).
 */
export async function seedFinance(db: Db, dataDir: string, options: { scale?: number; load?: BulkLoad } = {}): Promise<{ inserted: number; summary: string[] }> {
  const scale = checkedScale(options.scale ?? 1);
  const summary: string[] = [];
  const periods = [...new Set(MISSION_BUDGETS.map((b) => b.fiscalPeriodId))].map((id) => fiscalPeriodBounds(id)!);
  let documents = await count(db.insert(fiscalPeriods).values(periods).onConflictDoNothing().returning({ id: fiscalPeriods.id }));
  documents += await count(db.insert(missionBudgets).values(MISSION_BUDGETS.map((b) => ({ ...b }))).onConflictDoNothing().returning({ id: missionBudgets.id }));
  summary.push(`finance: ${documents} fiscal periods and mission budgets inserted (General Assembly figures; estimates labelled)`);
  let generated = await seedAssessments(db);
  generated += await count(db.insert(budgetPerformance).values([...BUDGET_PERFORMANCE]).onConflictDoNothing().returning({ m: budgetPerformance.missionId }));
  generated += await count(db.insert(trustFunds).values([...TRUST_FUNDS]).onConflictDoNothing().returning({ id: trustFunds.id }));
  generated += await count(
    db
      .insert(voluntaryContributions)
      .values(VOLUNTARY_CONTRIBUTIONS.map((c) => ({ ...c, origin: GENERATED })))
      .onConflictDoNothing()
      .returning({ id: voluntaryContributions.id }),
  );
  summary.push(`finance: ${generated} assessments, payments, performance and voluntary contributions inserted (computed or ${GENERATED})`);
  let inserted = documents + generated;
  const fts = await importFts(db, dataDir);
  for (const file of fts.files) {
    inserted += file.inserted;
    summary.push(`finance: ${formatReport(file)}${fts.fallback ? ' (shipped excerpt)' : ''}`);
  }
  if (scale > 1) {
    const [imported] = await db.select({ n: countRows() }).from(fundingFlows).where(like(fundingFlows.origin, 'fts:%'));
    const added = await (options.load ?? insertInBatches(db, 200))(fundingFlows, generatedFlowRows(imported!.n * (scale - 1)));
    inserted += added;
    summary.push(`finance: ${added} generated funding flows inserted (×${scale} of the ${imported!.n} FTS flows; origin ${GENERATED_FLOW_ORIGIN})`);
  }
  return { inserted, summary };
}
