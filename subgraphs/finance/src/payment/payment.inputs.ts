import { Field, InputType } from 'type-graphql';
import { CurrencyCodeScalar, DateScalar, DecimalScalar } from '@peacegraph/kit';

@InputType({ description: 'A payment against exactly one assessment or one committed funding flow.' })
export class RecordPaymentInput {
  @Field(() => String, { description: 'Unique per write: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String, { nullable: true })
  assessmentId?: string | null;

  @Field(() => String, { nullable: true })
  fundingFlowId?: string | null;

  @Field(() => DecimalScalar, { description: 'Decimal string, positive, at most two decimals, in the currency of what is paid.' })
  amount: string;

  @Field(() => CurrencyCodeScalar, { description: 'ISO 4217; must be the currency of the assessment or of the committed flow.' })
  currency: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD.' })
  paidOn: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Record a payment above what is due, flagged with its excess. Without it such a payment is refused.',
  })
  acceptExcess?: boolean | null;
}
