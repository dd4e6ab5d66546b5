import { Ctx, Query, Resolver } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { FinanceContext } from '../loaders';
import { listFiscalPeriods } from './fiscal-period.loaders';
import { FiscalPeriod } from './fiscal-period.type';

@Resolver(() => FiscalPeriod)
export class FiscalPeriodResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [FiscalPeriod], { description: 'Financial periods that have budgets or assessments, oldest first.' })
  async fiscalPeriods(@Ctx() ctx: FinanceContext): Promise<FiscalPeriod[]> {
    return listFiscalPeriods(ctx.db);
  }
}
