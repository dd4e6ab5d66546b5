import { Field, ID, InputType, Int } from 'type-graphql';
import { VerificationStatus } from '../incident/incident.type';

@InputType()
export class TransitionVerificationInput {
  @Field(() => ID)
  incidentId: string;

  @Field(() => VerificationStatus)
  to: VerificationStatus;

  @Field(() => Int, { description: 'The version you last read: the transition fails with CONFLICT if the incident changed since.' })
  expectedVersion: number;

  @Field(() => String, { description: 'Why: kept in the verification history.' })
  reason: string;
}
