import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { budgetPerformance, type BudgetPerformanceRow } from './budget-performance.table';

/** Performance rows of many missions, one statement per batch. */
export function performanceByMissionLoader(db: Db) {
  return new DataLoader<string, BudgetPerformanceRow[]>(async (missionIds) => {
    const rows = await db.select().from(budgetPerformance).where(inArray(budgetPerformance.missionId, [...missionIds]));
    return missionIds.map((id) => rows.filter((r) => r.missionId === id));
  });
}
