import { formatMoneyAmount } from '@peacegraph/kit';
import type { FundingFlowRow } from './funding-flow.table';
import { FundingContributionType, FundingFlowStatus, type FundingFlow } from './funding-flow.type';

/** Row → GraphQL object (organisation stubs are built from the ids; the plan resolves lazily). */
export function toFundingFlow(row: FundingFlowRow): FundingFlow {
  return {
    ...row,
    // Stored with three decimals (the most ISO 4217 gives any currency); written with its own.
    originalAmount: row.originalAmount && row.originalCurrency ? formatMoneyAmount(row.originalAmount, row.originalCurrency) : row.originalAmount,
    status: row.status as FundingFlowStatus,
    contributionType: row.contributionType as FundingContributionType,
    sourceOrganization: row.sourceOrganizationId ? { id: row.sourceOrganizationId } : null,
    destinationOrganization: row.destinationOrganizationId ? { id: row.destinationOrganizationId } : null,
  } as FundingFlow;
}
