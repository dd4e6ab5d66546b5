import { Field, InputType, Int } from 'type-graphql';
import { IncidentEventType, IncidentLocalType, IncidentSubEventType } from '../taxonomy/taxonomy';
import { VerificationStatus } from './incident.type';
import { DateScalar, PCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class IncidentFilterInput {
  @Field(() => String, { nullable: true, description: 'Mission id (acronym), e.g. MINUSCA.' })
  missionId?: string | null;

  @Field(() => PCodeScalar, { nullable: true, description: 'An admin area p-code: incidents in it and in its child areas.' })
  adminAreaPcode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Event date on or after, YYYY-MM-DD.' })
  fromDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Event date on or before, YYYY-MM-DD.' })
  toDate?: string | null;

  @Field(() => IncidentEventType, { nullable: true })
  eventType?: IncidentEventType | null;

  @Field(() => IncidentSubEventType, { nullable: true })
  subEventType?: IncidentSubEventType | null;

  @Field(() => IncidentLocalType, { nullable: true })
  localType?: IncidentLocalType | null;

  @Field(() => VerificationStatus, { nullable: true })
  verificationStatus?: VerificationStatus | null;

  @Field(() => Int, { nullable: true, description: 'At least this many fatalities.' })
  minFatalities?: number | null;
}
