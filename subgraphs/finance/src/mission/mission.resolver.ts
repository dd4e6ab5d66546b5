import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import { readFiscalPeriod } from '../fiscal-period/fiscal-period';
import type { FinanceContext } from '../loaders';
import { MissionBudget } from '../mission-budget/mission-budget.type';
import { divideAmount } from '../money/decimal';
import { MissionCostPerPerson } from './mission-cost.type';
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

  @Classified(DataClass.PUBLIC)
  @Directive('@requires(fields: "deployedUniformedPersonnel")')
  @FieldResolver(() => MissionCostPerPerson, {
    nullable: true,
    description: 'Approved budget per deployed uniformed person; the strength comes from the missions subgraph (@requires). Null without a budget or personnel.',
  })
  async costPerDeployedUniformedPerson(
    @Root() mission: Mission,
    @Ctx() ctx: FinanceContext,
    @Arg('fiscalPeriod', () => String, { description: 'e.g. 2024/25' }) fiscalPeriod: string,
  ): Promise<MissionCostPerPerson | null> {
    readFiscalPeriod('fiscalPeriod', fiscalPeriod);
    const personnel = mission.deployedUniformedPersonnel;
    if (!personnel || personnel <= 0) return null;
    const budget = (await ctx.loaders.budgetsByMission.load(mission.id)).find((b) => b.fiscalPeriodId === fiscalPeriod);
    if (!budget) return null;
    return {
      fiscalPeriodId: fiscalPeriod,
      amount: divideAmount(budget.approvedAmount, personnel, budget.currency),
      currency: budget.currency,
      approvedAmount: budget.approvedAmount,
      deployedUniformedPersonnel: personnel,
      basedOnEstimate: budget.estimated,
    };
  }
}
