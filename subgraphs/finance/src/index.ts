import { buildSubgraph, type BuiltSubgraph, type SubgraphModule } from '@peacegraph/kit';
import { createFinanceLoaders } from './loaders';
import { seedFinance } from './seed/seed-finance';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { MissionBudgetPerformanceResolver } from './budget-performance/budget-performance.resolver';
import { FiscalPeriodResolver } from './fiscal-period/fiscal-period.resolver';
import { ConvertPledgeMutation } from './funding-flow/convert-pledge.mutation';
import { FundingFlowPageResolver, FundingFlowResolver } from './funding-flow/funding-flow.resolver';
import { RecordPledgeMutation } from './funding-flow/record-pledge.mutation';
import { MissionBudgetResolver } from './mission-budget/mission-budget.resolver';
import { missionReference } from './mission/mission.reference';
import { MissionFinanceResolver } from './mission/mission.resolver';
import { Mission } from './mission/mission.type';
import { organizationReference } from './organization/organization.reference';
import { OrganizationFundingResolver } from './organization/organization.resolver';
import { Organization } from './organization/organization.type';
import { AssessmentPaymentsResolver, FundingFlowPaymentsResolver } from './payment/payment.resolver';
import { RecordPaymentMutation } from './payment/record-payment.mutation';
import { PlanResolver } from './plan/plan.resolver';
import { TrustFundResolver } from './trust-fund/trust-fund.resolver';

export { createFinanceLoaders } from './loaders';
export type { FinanceContext, FinanceLoaders } from './loaders';
export { seedFinance } from './seed/seed-finance';
export { importFts, type FtsImportReport } from './import/import-fts';

/**
 * The finance subgraph: mission budgets, assessments and payments, voluntary contributions,
 * humanitarian plans and FTS funding flows; extends Mission and Organization.
 */
export function buildFinanceSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'finance',
    resolvers: [
      MissionBudgetResolver,
      MissionFinanceResolver,
      FiscalPeriodResolver,
      PlanResolver,
      FundingFlowResolver,
      FundingFlowPageResolver,
      OrganizationFundingResolver,
      MissionBudgetPerformanceResolver,
      AssessmentResolver,
      TrustFundResolver,
      RecordPledgeMutation,
      ConvertPledgeMutation,
      RecordPaymentMutation,
      AssessmentPaymentsResolver,
      FundingFlowPaymentsResolver,
    ],
    // Entity stubs no query returns: listed so the SDL carries them (and _entities exists).
    orphanedTypes: [Mission, Organization],
    referenceResolvers: { ...missionReference, ...organizationReference },
  });
}

/** The finance subgraph's code, as its manifest loads it (kit/src/manifest.ts). */
export const financeSubgraph: SubgraphModule = {
  build: buildFinanceSubgraph,
  createLoaders: createFinanceLoaders,
  seed: async (db, { dataDir, scale, load }) => {
    const { inserted, summary } = await seedFinance(db, dataDir, { scale, load });
    // A scaled seed says how many flows it generated; the ×1 seed's import report is the tests' to read.
    return [...(scale > 1 ? summary.filter((line) => line.includes('generated funding flows')) : []), `finance: ${inserted} inserted`];
  },
};
