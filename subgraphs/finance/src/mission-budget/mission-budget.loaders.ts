import DataLoader from 'dataloader';
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { anyOf, badInput, groupBy, prepared, type Db } from '@peacegraph/kit';
import { normalizeAmount } from '../money/decimal';
import { missionBudgets, type MissionBudgetRow } from './mission-budget.table';
import { BudgetCostClass, type MissionBudget } from './mission-budget.type';

export function toMissionBudget(row: MissionBudgetRow): MissionBudget {
  const costClasses: MissionBudget['costClasses'] = [];
  if (row.militaryAndPolicePersonnel !== null) {
    costClasses.push({ costClass: BudgetCostClass.MILITARY_AND_POLICE_PERSONNEL, amount: normalizeAmount(row.militaryAndPolicePersonnel, row.currency) });
  }
  if (row.civilianPersonnel !== null) costClasses.push({ costClass: BudgetCostClass.CIVILIAN_PERSONNEL, amount: normalizeAmount(row.civilianPersonnel, row.currency) });
  if (row.operationalCosts !== null) costClasses.push({ costClass: BudgetCostClass.OPERATIONAL_COSTS, amount: normalizeAmount(row.operationalCosts, row.currency) });
  return {
    id: String(row.id),
    missionId: row.missionId,
    fiscalPeriodId: row.fiscalPeriodId,
    approvedAmount: normalizeAmount(row.approvedAmount, row.currency),
    currency: row.currency,
    costClasses,
    resolutionSymbol: row.resolutionSymbol,
    source: row.source,
    sourceNote: row.sourceNote,
    estimated: row.estimated,
  };
}

/** Budgets of many missions, newest period first: one statement per batch (a page of missions → one query). */
export function budgetsByMissionLoader(db: Db) {
  return new DataLoader<string, MissionBudget[]>(async (missionIds) => {
    const rows = await prepared(db, 'finance.budgetsByMission', () =>
      db
        .select()
        .from(missionBudgets)
        .where(anyOf(missionBudgets.missionId, 'missionIds'))
        .orderBy(asc(missionBudgets.missionId), asc(missionBudgets.fiscalPeriodId)),
    ).execute({ missionIds });
    const byMission = groupBy(rows, (r) => r.missionId);
    return missionIds.map((id) => [...(byMission.get(id) ?? [])].reverse().map(toMissionBudget));
  });
}

/** A page of budgets in insertion (id) order, keyset-paginated on the id. */
export async function listMissionBudgets(
  db: Db,
  filter: { fiscalPeriodId?: string | null; missionId?: string | null },
  after: string | null,
  limit: number,
): Promise<MissionBudget[]> {
  const conditions: SQL[] = [];
  if (filter.fiscalPeriodId) conditions.push(eq(missionBudgets.fiscalPeriodId, filter.fiscalPeriodId));
  if (filter.missionId) conditions.push(eq(missionBudgets.missionId, filter.missionId));
  if (after) conditions.push(gt(missionBudgets.id, cursorId(after)));
  const rows = await db
    .select()
    .from(missionBudgets)
    .where(and(...conditions))
    .orderBy(asc(missionBudgets.id))
    .limit(limit + 1);
  return rows.map(toMissionBudget);
}

function cursorId(after: string): number {
  const id = Number(after);
  if (!Number.isSafeInteger(id)) throw badInput('page.after', 'is not a cursor this API issued.');
  return id;
}
