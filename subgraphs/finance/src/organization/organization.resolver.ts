import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { normalizeFilter } from '../funding-flow/funding-flow.filter';

import { toFundingFlow } from '../funding-flow/funding-flow.mapping';
import { FundingFlowPage, FundingFlowStatus } from '../funding-flow/funding-flow.type';
import type { FinanceContext } from '../loaders';
import { Organization } from './organization.type';

async function flowsOf(
  side: 'source' | 'destination',
  organization: Organization,
  ctx: FinanceContext,
  status: FundingFlowStatus | null | undefined,
  page: PageInput | null | undefined,
): Promise<FundingFlowPage> {
  const { limit, after } = readPage(page);
  const rows = await ctx.loaders.flowPages.load({ side, value: organization.id, status: status ?? null, after, limit });
  const filter = normalizeFilter(side === 'source' ? { sourceOrganizationId: organization.id, status } : { destinationOrganizationId: organization.id, status });
  return { ...toPage(rows.map(toFundingFlow), limit, (f) => f.id), totalsFilter: filter };
}

@Resolver(() => Organization)
export class OrganizationFundingResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => FundingFlowPage, {
    description: 'Flows this organisation gave (source) that you may see. Totals leave out confidential flows you cannot see: they would name the donor.',
  })
  async fundingGiven(
    @Root() organization: Organization,
    @Ctx() ctx: FinanceContext,
    @Arg('status', () => FundingFlowStatus, { nullable: true }) status?: FundingFlowStatus | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<FundingFlowPage> {
    return flowsOf('source', organization, ctx, status, page);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => FundingFlowPage, { description: 'Flows this organisation received (destination) that you may see; totals count every flow.' })
  async fundingReceived(
    @Root() organization: Organization,
    @Ctx() ctx: FinanceContext,
    @Arg('status', () => FundingFlowStatus, { nullable: true }) status?: FundingFlowStatus | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<FundingFlowPage> {
    return flowsOf('destination', organization, ctx, status, page);
  }
}
