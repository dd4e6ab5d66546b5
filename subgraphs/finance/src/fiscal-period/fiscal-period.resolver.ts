import { Ctx, Query, Resolver } from 'type-graphql';
import { asc } from 'drizzle-orm';
import { Classified, DataClass } from '@peacegraph/kit';
import type { FinanceContext } from '../loaders';
import { fiscalPeriods } from './fiscal-period.table';
import { FiscalPeriod } from './fiscal-period.type';

@Resolver(() => FiscalPeriod)
export class FiscalPeriodResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [FiscalPeriod], { description: 'Financial periods that have budgets or assessments, oldest first.' })
  async fiscalPeriods(@Ctx() ctx: FinanceContext): Promise<FiscalPeriod[]> {
    return ctx.db.select().from(fiscalPeriods).orderBy(asc(fiscalPeriods.id));
  }
}
