import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, Classified, CountryCodeScalar, DataClass, DateScalar } from '@peacegraph/kit';
import { readFiscalPeriod } from '../fiscal-period/fiscal-period';
import type { FinanceContext } from '../loaders';
import { readDate } from '../money/validate';
import { arrearsAsOf, listAssessments } from './assessment.loaders';
import { Assessment, MemberStateArrears } from './assessment.type';

const ISO3 = /^[A-Z]{3}$/;

function readIso3(field: string, value: string): string {
  if (!ISO3.test(value)) throw badInput(field, 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. NOR.');
  return value;
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [Assessment], { description: 'Assessed contributions, by member state, mission and period.' })
  async assessments(
    @Ctx() ctx: FinanceContext,
    @Arg('memberStateIso3', () => CountryCodeScalar, { nullable: true }) memberStateIso3?: string | null,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('fiscalPeriod', () => String, { nullable: true }) fiscalPeriod?: string | null,
  ): Promise<Assessment[]> {
    if (memberStateIso3) readIso3('memberStateIso3', memberStateIso3);
    if (fiscalPeriod) readFiscalPeriod('fiscalPeriod', fiscalPeriod);
    return listAssessments(ctx.db, { memberStateIso3, missionId, fiscalPeriodId: fiscalPeriod });
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => MemberStateArrears, { nullable: true, description: "A member state's arrears as of a date (null when it has no assessments)." })
  async memberStateArrears(
    @Ctx() ctx: FinanceContext,
    @Arg('memberStateIso3', () => CountryCodeScalar) memberStateIso3: string,
    @Arg('asOf', () => DateScalar, { description: 'YYYY-MM-DD' }) asOf: string,
  ): Promise<MemberStateArrears | null> {
    const [arrears] = await arrearsAsOf(ctx.db, readDate('asOf', asOf), readIso3('memberStateIso3', memberStateIso3));
    return arrears ?? null;
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => [MemberStateArrears], { description: 'Arrears of every assessed member state as of a date.' })
  async arrears(@Ctx() ctx: FinanceContext, @Arg('asOf', () => DateScalar, { description: 'YYYY-MM-DD' }) asOf: string): Promise<MemberStateArrears[]> {
    return arrearsAsOf(ctx.db, readDate('asOf', asOf), null);
  }
}
