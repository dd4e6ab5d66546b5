import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, Classified, Coarsened, CountryCodeScalar, DataClass, DecimalScalar, PageInput, readPage, toPage } from '@peacegraph/kit';
import { FundingFlowPage } from '../funding-flow/funding-flow.type';
import { normalizeFilter } from '../funding-flow/funding-flow.filter';
import { toFundingFlow } from '../funding-flow/funding-flow.mapping';
import type { FinanceContext } from '../loaders';
import { normalizeAmount, percentOf } from '../money/decimal';
import { listPlans, planByCode } from './plan.loaders';
import { Plan, PlanCluster } from './plan.type';

@Resolver(() => Plan)
export class PlanResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [Plan], { description: 'Humanitarian response plans and appeals imported from FTS, by year and code.' })
  async plans(
    @Ctx() ctx: FinanceContext,
    @Arg('countryIso3', () => CountryCodeScalar, { nullable: true }) countryIso3?: string | null,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<Plan[]> {
    return listPlans(ctx.db, countryIso3, year);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => Plan, { nullable: true, description: 'One plan by FTS id or code.' })
  async plan(
    @Ctx() ctx: FinanceContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
  ): Promise<Plan | null> {
    if (!id && !code) throw badInput('id', 'give an id or a code.');
    if (id) {
      if (!/^\d+$/.test(id)) throw badInput('id', 'must be an FTS plan id (digits).');
      return ctx.loaders.planById.load(Number(id));
    }
    return planByCode(ctx.db, code!);
  }

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL) // over the flows you may list (unpublished amounts only with the class)
  @FieldResolver(() => DecimalScalar, { description: 'Paid + committed incoming flows to this plan (FTS definition; pledges excluded), USD exact.' })
  async fundingUsd(@Root() plan: Plan, @Ctx() ctx: FinanceContext): Promise<string> {
    return normalizeAmount(await ctx.loaders.planFunding.load(plan.id), 'USD');
  }

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL) // over the flows you may list (unpublished amounts only with the class)
  @FieldResolver(() => String, { nullable: true, description: 'fundingUsd / requirementsUsd × 100, two decimals; null without requirements.' })
  async percentFunded(@Root() plan: Plan, @Ctx() ctx: FinanceContext): Promise<string | null> {
    if (!plan.requirementsUsd) return null;
    return percentOf(await ctx.loaders.planFunding.load(plan.id), plan.requirementsUsd);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [PlanCluster], { description: 'Requirements and funding per cluster, as FTS publishes them.' })
  async clusters(@Root() plan: Plan, @Ctx() ctx: FinanceContext): Promise<PlanCluster[]> {
    const rows = await ctx.loaders.clustersByPlan.load(plan.id);
    return rows.map((r) => ({
      cluster: r.cluster,
      clusterCode: r.clusterCode,
      requirementsUsd: r.requirementsUsd,
      fundingUsd: r.reportedFundingUsd,
      percentFunded: r.requirementsUsd && r.reportedFundingUsd ? percentOf(r.reportedFundingUsd, r.requirementsUsd) : null,
      reportedPercentFunded: r.reportedPercentFunded,
    }));
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => FundingFlowPage, { description: 'Flows to this plan that you may see; totals count every flow.' })
  async flows(
    @Root() plan: Plan,
    @Ctx() ctx: FinanceContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<FundingFlowPage> {
    const { limit, after } = readPage(page);
    const filter = normalizeFilter({ planId: plan.id });
    const rows = await ctx.loaders.flowPages.load({ side: 'plan', value: String(plan.id), status: null, after, limit });
    return { ...toPage(rows.map(toFundingFlow), limit, (f) => f.id), totalsFilter: filter };
  }
}
