import type { Db } from '@peacegraph/kit';
import { importFts } from '../import/import-fts';
import { formatReport } from '../import/import-report';
import { fiscalPeriodBounds } from '../fiscal-period/fiscal-period';
import { fiscalPeriods } from '../fiscal-period/fiscal-period.table';
import { missionBudgets } from '../mission-budget/mission-budget.table';
import { MISSION_BUDGETS_2024_25 } from './mission-budgets.data';

/**
 * Fills the finance schema. Idempotent: rows are keyed by their natural keys and a second run
 * inserts nothing. `dataDir` is the shared data folder (../shared/data); without it the
 * importers fall back to the excerpt shipped in scripts/seed/fallback-fts/.
 */
export async function seedFinance(db: Db, dataDir: string): Promise<{ inserted: number; summary: string[] }> {
  let inserted = 0;
  const summary: string[] = [];
  const periodIds = [...new Set(MISSION_BUDGETS_2024_25.map((b) => b.fiscalPeriodId))];
  const periods = periodIds.map((id) => fiscalPeriodBounds(id)!);
  inserted += (await db.insert(fiscalPeriods).values(periods).onConflictDoNothing().returning({ id: fiscalPeriods.id })).length;
  inserted += (
    await db
      .insert(missionBudgets)
      .values(MISSION_BUDGETS_2024_25.map((b) => ({ ...b })))
      .onConflictDoNothing()
      .returning({ id: missionBudgets.id })
  ).length;
  summary.push(`finance: ${inserted} fiscal periods and mission budgets inserted`);
  const fts = await importFts(db, dataDir);
  for (const file of fts.files) {
    inserted += file.inserted;
    summary.push(`finance: ${formatReport(file)}${fts.fallback ? ' (shipped excerpt)' : ''}`);
  }
  return { inserted, summary };
}
