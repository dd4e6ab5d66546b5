import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { budgetsByMissionLoader } from './mission-budget/mission-budget.loaders';

/** Per-request batch loaders: created fresh for every request, so nothing is cached across callers. */
export function createFinanceLoaders(db: Db, access: Access) {
  void access;
  return {
    budgetsByMission: budgetsByMissionLoader(db),
  };
}

export type FinanceLoaders = ReturnType<typeof createFinanceLoaders>;
export type FinanceContext = SubgraphContext<FinanceLoaders>;
