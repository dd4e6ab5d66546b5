import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { readFiscalPeriod } from '../fiscal-period/fiscal-period';
import type { FinanceContext } from '../loaders';
import { listMissionBudgets } from './mission-budget.loaders';
import { MissionBudget, MissionBudgetPage } from './mission-budget.type';

@Resolver(() => MissionBudget)
export class MissionBudgetResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => MissionBudgetPage, { description: 'Approved mission budgets, optionally for one period or mission, cursor-paginated.' })
  async missionBudgets(
    @Ctx() ctx: FinanceContext,
    @Arg('fiscalPeriod', () => String, { nullable: true, description: 'e.g. 2024/25' }) fiscalPeriod?: string | null,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<MissionBudgetPage> {
    if (fiscalPeriod) readFiscalPeriod('fiscalPeriod', fiscalPeriod);
    const { limit, after } = readPage(page);
    const rows = await listMissionBudgets(ctx.db, { fiscalPeriodId: fiscalPeriod, missionId }, after, limit);
    return toPage(rows, limit, (b) => b.id);
  }
}
