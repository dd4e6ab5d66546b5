import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@peacegraph/kit';

@InputType({ description: 'One value of an M&E indicator.' })
export class RecordMeasurementInput {
  @Field(() => String, { description: 'Your idempotency key: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String)
  indicatorId: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD, not in the future.' })
  measuredOn: string;

  @Field(() => String, { description: 'Exact decimal, e.g. "42" or "12.50" (at most 2 decimals).' })
  value: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
