import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import type { FinanceContext } from '../loaders';
import { convert } from '../money/validate';
import { isCatalogueOrganization, organizationName } from '../organization/organization-catalogue';
import { planByCode } from '../plan/plan.loaders';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { toFundingFlow } from './funding-flow.mapping';
import { RecordPledgeInput } from './funding-flow.mutation-inputs';
import { insertFlow } from './funding-flow.writes';
import { FundingContributionType, FundingFlow } from './funding-flow.type';

const ISO3 = /^[A-Z]{3}$/;

@Resolver(() => FundingFlow)
export class RecordPledgeMutation {
  @Classified(DataClass.PUBLIC)
  @Mutation(() => FundingFlow, { description: 'Record a pledge (donors for themselves, UN finance officers for anyone). Idempotent by clientKey.' })
  async recordPledge(@Ctx() ctx: FinanceContext, @Arg('input', () => RecordPledgeInput) input: RecordPledgeInput): Promise<FundingFlow> {
    if (!isCatalogueOrganization(input.sourceOrganizationId)) throw badInput('input.sourceOrganizationId', 'is not a known organisation id.');
    assertMayWrite(ctx.access, 'recordPledge', input);
    if (input.destinationOrganizationId && !isCatalogueOrganization(input.destinationOrganizationId)) {
      throw badInput('input.destinationOrganizationId', 'is not a known organisation id (give destinationOrganizationName for others).');
    }
    if (!input.destinationOrganizationId && !input.destinationOrganizationName && !input.destinationPlanCode) {
      throw badInput('input.destinationOrganizationId', 'give a destination: an organisation id or name, or a plan code.');
    }
    for (const [i, iso3] of (input.destinationLocations ?? []).entries()) {
      if (!ISO3.test(iso3)) throw badInput(`input.destinationLocations[${i}]`, 'must be an ISO3 code in capitals.');
    }
    const today = new Date().toISOString().slice(0, 10);
    const money = convert({ amount: 'input.amount', currency: 'input.currency', rate: 'input.exchangeRate', rateDate: 'input.exchangeRateDate' }, input, today);
    const key = { organizationId: ctx.identity.organizationId, clientKey: input.clientKey, operation: 'recordPledge', input };
    const { result } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
      const plan = input.destinationPlanCode ? await planByCode(tx, input.destinationPlanCode) : null;
      if (input.destinationPlanCode && !plan) throw badInput('input.destinationPlanCode', 'is not the code of an imported plan.');
      const anonymous = !!input.anonymous;
      const unpublished = !!input.confidential;
      const row = await insertFlow(tx, {
        id: `PG-${randomUUID()}`,
        origin: 'recorded',
        flowDate: today,
        description: input.description ?? null,
        ...money,
        sourceOrganizationId: input.sourceOrganizationId,
        sourceOrganizationName: organizationName(input.sourceOrganizationId),
        destinationOrganizationId: input.destinationOrganizationId ?? null,
        destinationOrganizationName: input.destinationOrganizationId ? organizationName(input.destinationOrganizationId) : (input.destinationOrganizationName ?? null),
        destinationPlanId: plan?.id ?? null,
        destinationPlanCode: plan?.code ?? null,
        destinationPlanName: plan?.name ?? null,
        destinationLocations: input.destinationLocations ?? [],
        destinationGlobalClusters: input.destinationGlobalClusters ?? [],
        contributionType: input.contributionType ?? FundingContributionType.FINANCIAL,
        flowType: 'Standard',
        boundary: 'incoming',
        onBoundary: 'single',
        status: 'pledge',
        firstReportedDate: today,
        confidential: anonymous || unpublished,
        confidentialReason: anonymous ? 'ANONYMOUS_DONOR' : unpublished ? 'UNPUBLISHED_PLEDGE' : null,
        recordedBy: ctx.identity.subject,
      });
      return toFundingFlow(row);
    });
    return result;
  }
}
