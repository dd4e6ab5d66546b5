import { buildSubgraph, type BuiltSubgraph } from '@peacegraph/kit';
import { FiscalPeriodResolver } from './fiscal-period/fiscal-period.resolver';
import { MissionBudgetResolver } from './mission-budget/mission-budget.resolver';
import { missionReference } from './mission/mission.reference';
import { MissionFinanceResolver } from './mission/mission.resolver';
import { Mission } from './mission/mission.type';

export { createFinanceLoaders } from './loaders';
export type { FinanceContext, FinanceLoaders } from './loaders';
export { seedFinance } from './seed/seed-finance';

/** The finance subgraph: mission budgets and fiscal periods (assessments, voluntary and humanitarian funding follow). */
export function buildFinanceSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'finance',
    resolvers: [MissionBudgetResolver, MissionFinanceResolver, FiscalPeriodResolver],
    // Entity stubs no query returns: listed so the SDL carries them (and _entities exists).
    orphanedTypes: [Mission],
    referenceResolvers: { ...missionReference },
  });
}
