import { Field, Float, ID, InputType } from 'type-graphql';
import { EscortStatus } from './escort-request.type';
import { DateScalar, PCodeScalar } from '@peacegraph/kit';

@InputType()
export class EscortWaypointInput {
  @Field(() => PCodeScalar, { description: 'A known p-code in one of the mission’s host countries.' })
  adminAreaPcode: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;
}

@InputType({ description: "Create (no id) or change (id of your organisation's REQUESTED request) an escort request." })
export class EscortRequestInput {
  @Field(() => String, { description: 'Your key for this write: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Optional; must be your own organisation.' })
  organizationId?: string | null;

  @Field(() => String, { description: 'The mission asked to escort, e.g. MINUSCA.' })
  missionId: string;

  @Field(() => DateScalar, { description: 'YYYY-MM-DD, today or later.' })
  requestedDate: string;

  @Field(() => String)
  purpose: string;

  @Field(() => String, { nullable: true })
  cargo?: string | null;

  @Field(() => [EscortWaypointInput], { description: 'At least two waypoints, in order.' })
  route: EscortWaypointInput[];
}

@InputType()
export class EscortRequestFilterInput {
  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => EscortStatus, { nullable: true })
  status?: EscortStatus | null;

  @Field(() => String, { nullable: true })
  requestingOrganizationId?: string | null;
}
