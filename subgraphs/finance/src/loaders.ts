import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { flowByIdLoader, flowPagesLoader, flowTotalsLoader } from './funding-flow/funding-flow.loaders';
import { performanceByMissionLoader } from './budget-performance/budget-performance.loaders';
import { budgetsByMissionLoader } from './mission-budget/mission-budget.loaders';
import { paymentsByAssessmentLoader, paymentsByFlowLoader } from './payment/payment.loaders';
import { clustersByPlanLoader, planByIdLoader, planFundingLoader } from './plan/plan.loaders';
import { contributionsByTrustFundLoader, trustFundTotalsLoader } from './trust-fund/trust-fund.loaders';

/**
 * Per-request batch loaders, created with the caller's access so every flow query is scoped
 * by construction; nothing is cached across callers.
 */
export function createFinanceLoaders(db: Db, access: Access) {
  return {
    budgetsByMission: budgetsByMissionLoader(db),
    performanceByMission: performanceByMissionLoader(db),
    planById: planByIdLoader(db),
    clustersByPlan: clustersByPlanLoader(db),
    planFunding: planFundingLoader(db, access),
    flowById: flowByIdLoader(db, access),
    flowPages: flowPagesLoader(db, access),
    flowTotals: flowTotalsLoader(db, access),
    contributionsByTrustFund: contributionsByTrustFundLoader(db, access),
    trustFundTotals: trustFundTotalsLoader(db, access),
    paymentsByAssessment: paymentsByAssessmentLoader(db),
    paymentsByFlow: paymentsByFlowLoader(db),
  };
}

export type FinanceLoaders = ReturnType<typeof createFinanceLoaders>;
export type FinanceContext = SubgraphContext<FinanceLoaders>;
