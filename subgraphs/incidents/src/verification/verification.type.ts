import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass, DateTimeScalar } from '@peacegraph/kit';
import { VerificationStatus } from '../incident/incident.type';

@ObjectType({ description: 'One step of an incident’s verification: who, when, why (UN-internal).' })
export class VerificationTransition {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int, { description: 'The incident version this step produced.' })
  version: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => VerificationStatus, { nullable: true, description: 'Null for the initial report.' })
  fromStatus: VerificationStatus | null;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => VerificationStatus)
  toStatus: VerificationStatus;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  bySubject: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { nullable: true })
  byOrganizationId: string | null;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => DateTimeScalar, { description: 'ISO 8601.' })
  at: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  reason: string;
}
