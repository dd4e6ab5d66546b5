import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import { Assessment } from '../assessment/assessment.type';
import { FundingFlow } from '../funding-flow/funding-flow.type';
import type { FinanceContext } from '../loaders';
import { Payment } from './payment.type';

@Resolver(() => Assessment)
export class AssessmentPaymentsResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Payment], { description: 'Payments against this assessment, oldest first (batched).' })
  async payments(@Root() assessment: Assessment, @Ctx() ctx: FinanceContext): Promise<Payment[]> {
    return ctx.loaders.paymentsByAssessment.load(assessment.id);
  }
}

@Resolver(() => FundingFlow)
export class FundingFlowPaymentsResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Payment], { description: 'Payments recorded against this commitment, oldest first (batched).' })
  async payments(@Root() flow: FundingFlow, @Ctx() ctx: FinanceContext): Promise<Payment[]> {
    return ctx.loaders.paymentsByFlow.load(flow.id);
  }
}
