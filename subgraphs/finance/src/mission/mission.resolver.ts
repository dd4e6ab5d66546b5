import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import { readFiscalPeriod } from '../fiscal-period/fiscal-period';
import type { FinanceContext } from '../loaders';
import { MissionBudget } from '../mission-budget/mission-budget.type';
import { Mission } from './mission.type';

@Resolver(() => Mission)
export class MissionFinanceResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [MissionBudget], { description: 'Approved budgets, newest period first (batched across missions).' })
  async budgets(
    @Root() mission: Mission,
    @Ctx() ctx: FinanceContext,
    @Arg('fiscalPeriod', () => String, { nullable: true, description: 'Only this period, e.g. 2024/25.' }) fiscalPeriod?: string | null,
  ): Promise<MissionBudget[]> {
    if (fiscalPeriod) readFiscalPeriod('fiscalPeriod', fiscalPeriod);
    const budgets = await ctx.loaders.budgetsByMission.load(mission.id);
    return fiscalPeriod ? budgets.filter((b) => b.fiscalPeriodId === fiscalPeriod) : budgets;
  }
}
