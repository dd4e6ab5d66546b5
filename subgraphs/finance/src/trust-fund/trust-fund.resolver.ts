import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { FinanceContext } from '../loaders';
import { normalizeAmount } from '../money/decimal';
import { listTrustFunds } from './trust-fund.loaders';
import { ContributionKind, Earmarking, TrustFund, TrustFundTotal, VoluntaryContribution } from './trust-fund.type';

@Resolver(() => TrustFund)
export class TrustFundResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [TrustFund], { description: 'Trust funds receiving voluntary contributions.' })
  async trustFunds(@Ctx() ctx: FinanceContext): Promise<TrustFund[]> {
    return listTrustFunds(ctx.db);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [VoluntaryContribution], { description: 'Contributions you may see (confidential ones: their donor and UN finance officers).' })
  async contributions(@Root() fund: TrustFund, @Ctx() ctx: FinanceContext): Promise<VoluntaryContribution[]> {
    const rows = await ctx.loaders.contributionsByTrustFund.load(fund.id);
    return rows.map((r) => ({ ...r, amount: normalizeAmount(r.amount, r.currency), kind: r.kind as ContributionKind, earmarking: r.earmarking as Earmarking }));
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [TrustFundTotal], { description: 'Received per currency, over the contributions you may list (confidential ones count for their donor and UN finance officers only).' })
  async totals(@Root() fund: TrustFund, @Ctx() ctx: FinanceContext): Promise<TrustFundTotal[]> {
    return ctx.loaders.trustFundTotals.load(fund.id);
  }
}
