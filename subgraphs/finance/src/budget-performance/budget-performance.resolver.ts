import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { FinanceContext } from '../loaders';
import { MissionBudget } from '../mission-budget/mission-budget.type';
import { formatThousandths, normalizeAmount, percentOf, toThousandths } from '../money/decimal';
import { BudgetPerformance } from './budget-performance.type';

@Resolver(() => MissionBudget)
export class MissionBudgetPerformanceResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => BudgetPerformance, { nullable: true, description: 'Expenditure against this budget, when reported (batched).' })
  async performance(@Root() budget: MissionBudget, @Ctx() ctx: FinanceContext): Promise<BudgetPerformance | null> {
    const row = (await ctx.loaders.performanceByMission.load(budget.missionId)).find((r) => r.fiscalPeriodId === budget.fiscalPeriodId);
    if (!row) return null;
    const expenditure = normalizeAmount(row.expenditure, row.currency);
    return {
      expenditure,
      unencumberedBalance: formatThousandths(toThousandths(budget.approvedAmount) - toThousandths(expenditure), row.currency),
      implementationRate: percentOf(expenditure, budget.approvedAmount),
      currency: row.currency,
      source: row.source,
      estimated: row.estimated,
    };
  }
}
