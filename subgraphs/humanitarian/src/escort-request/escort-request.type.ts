import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, DateScalar, DateTimeScalar, PageOf, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import { Mission } from '../mission/mission.type';
import { Organization } from '../organization/organization.type';

export enum EscortStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EscortStatus, { name: 'EscortStatus', description: 'REQUESTED → APPROVED | DECLINED → COMPLETED | CANCELLED.' });

/** Scoped like its request (the request's keys, repeated), so each coordinate is decided and audited on its own row. */
@ScopedBy({ mission: 'missionId', area: 'originPcode', owner: 'requestingOrganizationId', providedBy: 'mission' })
@ObjectType({ description: 'One stop of an escort route, in order.' })
export class EscortWaypoint {
  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => String, { description: "The request's mission." })
  missionId: string;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => PCodeScalar, { description: "The request's first waypoint p-code." })
  originPcode: string;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => String, { description: 'The requesting organisation.' })
  requestingOrganizationId: string;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => Int)
  sequence: number;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => PCodeScalar)
  adminAreaPcode: string;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => String, { nullable: true })
  name: string | null;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => Float, { nullable: true })
  longitude: number | null;
}

@ObjectType({ description: 'A status change of an escort request.' })
export class EscortStatusChange {
  @Classified(DataClass.PARTNER)
  @Field(() => EscortStatus, { nullable: true })
  fromStatus: EscortStatus | null;

  @Classified(DataClass.PARTNER)
  @Field(() => EscortStatus)
  toStatus: EscortStatus;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { description: 'The organisation that made the change.' })
  actorOrganizationId: string;

  @Classified(DataClass.PARTNER)
  @Field(() => DateTimeScalar, { description: 'ISO 8601 timestamp.' })
  at: string;
}

/**
 * Not public: the requester, the mission and partners in scope see a request; only the
 * requester and the mission (SECURITY_OPERATIONS) see its route.
 */
@ScopedBy({ mission: 'missionId', area: 'originPcode', owner: 'requestingOrganizationId', providedBy: 'mission', id: 'id' })
@ObjectType({ description: 'A request for a mission escort (civil-military coordination).' })
export class EscortRequest {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  requestingOrganizationId: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Organization, { nullable: true })
  requestingOrganization?: Organization | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Mission, { nullable: true })
  mission?: Mission | null;

  @Classified(DataClass.PARTNER)
  @Field(() => PCodeScalar, { description: 'Admin area of the first waypoint.' })
  originPcode: string;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => [EscortWaypoint], { nullable: true, description: 'The ordered route: requester and mission only.' })
  route?: EscortWaypoint[] | null;

  @Classified(DataClass.PARTNER)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  requestedDate: string;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  purpose: string;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true })
  cargo: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => EscortStatus)
  status: EscortStatus;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => [EscortStatusChange])
  history?: EscortStatusChange[];
}

@ObjectType()
export class EscortRequestPage extends PageOf(EscortRequest) {}
