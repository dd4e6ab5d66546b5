import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badInput, Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import type { FinanceContext } from '../loaders';
import { Plan } from '../plan/plan.type';
import { normalizeFilter } from './funding-flow.filter';
import { FundingFlowFilterInput } from './funding-flow.inputs';
import { listFlows } from './funding-flow.loaders';
import { toFundingFlow } from './funding-flow.mapping';
import { FundingFlow, FundingFlowPage, FundingTotals } from './funding-flow.type';

const ISO3 = /^[A-Z]{3}$/;

@Resolver(() => FundingFlow)
export class FundingFlowResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => FundingFlowPage, { description: 'Funding flows you may see, in id order, cursor-paginated; totals per the filter.' })
  async fundingFlows(
    @Ctx() ctx: FinanceContext,
    @Arg('filter', () => FundingFlowFilterInput, { nullable: true }) filter?: FundingFlowFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<FundingFlowPage> {
    if (filter?.destinationCountryIso3 && !ISO3.test(filter.destinationCountryIso3)) {
      throw badInput('filter.destinationCountryIso3', 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. AFG.');
    }
    const { limit, after } = readPage(page);
    const normalized = normalizeFilter(filter ?? {});
    const rows = await listFlows(ctx.db, ctx.access, normalized, after, limit);
    return { ...toPage(rows.map(toFundingFlow), limit, (f) => f.id), totalsFilter: normalized };
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => FundingFlow, { nullable: true, description: 'One flow by id, if you may see it.' })
  async fundingFlow(@Ctx() ctx: FinanceContext, @Arg('id', () => ID) id: string): Promise<FundingFlow | null> {
    const row = await ctx.loaders.flowById.load(id);
    return row ? toFundingFlow(row) : null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Plan, { nullable: true })
  async destinationPlan(@Root() flow: FundingFlow, @Ctx() ctx: FinanceContext): Promise<Plan | null> {
    return flow.destinationPlanId === null ? null : ctx.loaders.planById.load(flow.destinationPlanId);
  }
}

@Resolver(() => FundingFlowPage)
export class FundingFlowPageResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => FundingTotals, { description: 'Sums over the matching flows you may list, plus the anonymous-donor flows FTS publishes unless that would name their donor.' })
  async totals(@Root() page: FundingFlowPage, @Ctx() ctx: FinanceContext): Promise<FundingTotals> {
    return ctx.loaders.flowTotals.load(page.totalsFilter);
  }
}
