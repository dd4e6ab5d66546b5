import { Field, ID, ObjectType } from 'type-graphql';
import { Classified, CurrencyCodeScalar, DataClass, DateScalar, DecimalScalar } from '@peacegraph/kit';

@ObjectType({ description: 'Money received against an assessment or a committed funding flow.' })
export class Payment {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  assessmentId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  fundingFlowId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Exact decimal.' })
  amount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD.' })
  paidOn: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'True when the payment exceeded what was due.' })
  flagged: boolean;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'The part above what was due, when flagged.' })
  excessAmount: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'recorded' or 'generated (illustrative)'." })
  origin: string;
}

@ObjectType({ description: 'The result of recordPayment.' })
export class PaymentReceipt {
  @Classified(DataClass.PUBLIC)
  @Field(() => Payment)
  payment: Payment;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'What was due before this payment.' })
  dueBefore: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'What remains due after it (zero when paid in full or over).' })
  outstandingAfter: string;
}
