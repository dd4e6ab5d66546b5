import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@peacegraph/kit';

@InputType({ description: 'Close a mission: its mandate has ended and its withdrawal is complete.' })
export class CloseMissionInput {
  @Field(() => String, { description: 'Your idempotency key: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String)
  missionId: string;

  @Field(() => DateScalar, { description: 'Last day of the mission, YYYY-MM-DD; not before its start.' })
  endDate: string;
}
