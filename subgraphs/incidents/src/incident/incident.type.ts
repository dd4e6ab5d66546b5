import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, Coarsened, CountryCodeScalar, DataClass, DateScalar, DateTimeScalar, PageOf, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import { Mission } from '../mission/mission.type';
import { IncidentDisorderType, IncidentEventType, IncidentLocalType, IncidentSubEventType } from '../taxonomy/taxonomy';

export enum VerificationStatus {
  REPORTED = 'REPORTED',
  UNDER_VERIFICATION = 'UNDER_VERIFICATION',
  VERIFIED = 'VERIFIED',
  REFUTED = 'REFUTED',
}
registerEnumType(VerificationStatus, {
  name: 'IncidentVerificationStatus',
  description: 'reported → under verification → verified | refuted.',
});

/** Same values as the kit's PointPrecision, registered under this subgraph's own name (no cross-subgraph enum clash). */
export enum IncidentPointPrecision {
  EXACT = 'EXACT',
  ROUNDED_0_1_DEGREE = 'ROUNDED_0_1_DEGREE',
  ADMIN_AREA_CENTROID = 'ADMIN_AREA_CENTROID',
}
registerEnumType(IncidentPointPrecision, {
  name: 'IncidentPointPrecision',
  description: 'EXACT for callers cleared for PRECISE_LOCATION; otherwise how the point was coarsened.',
});

@ObjectType({ description: 'Where an incident happened, as precisely as the caller is cleared to see.' })
export class IncidentPoint {
  @Classified(DataClass.PARTNER)
  @Field(() => Float, { description: 'WGS 84.' })
  latitude: number;

  @Classified(DataClass.PARTNER)
  @Field(() => Float, { description: 'WGS 84.' })
  longitude: number;

  @Classified(DataClass.PARTNER)
  @Field(() => IncidentPointPrecision)
  precision: IncidentPointPrecision;
}

/**
 * A security incident. The whole row is PARTNER data (loaders scope it in SQL by the
 * caller's PARTNER grants: the public and callers without an agreement get aggregates, not
 * rows); stricter classes sit on the nullable fields that carry them.
 */
@Directive('@key(fields: "id")')
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', owner: 'reportedByOrganizationId', providedBy: 'mission', id: 'id' })
@ObjectType({ description: 'A security incident (ACLED-compatible fields plus mission-specific ones).' })
export class Incident {
  @Classified(DataClass.PARTNER)
  @Field(() => ID, { description: 'Stable id, e.g. INC-MINUSCA-G00042 (G = generated demo data).' })
  id: string;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { description: 'The mission id (acronym); the same as mission.id.' })
  missionId: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Mission)
  mission?: Mission;

  @Classified(DataClass.PARTNER)
  @Field(() => DateScalar, { description: 'ACLED event_date, YYYY-MM-DD.' })
  eventDate: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { description: 'ACLED time_precision: 1 = day, 2 = week, 3 = month.' })
  timePrecision: number;

  @Classified(DataClass.PARTNER)
  @Field(() => DateTimeScalar, { description: 'When the incident was recorded (ISO 8601).' })
  reportedAt: string;

  @Classified(DataClass.PARTNER)
  @Field(() => IncidentDisorderType, { description: 'Derived from the sub-event type.' })
  disorderType: IncidentDisorderType;

  @Classified(DataClass.PARTNER)
  @Field(() => IncidentEventType, { description: 'Derived from the sub-event type.' })
  eventType: IncidentEventType;

  @Classified(DataClass.PARTNER)
  @Field(() => IncidentSubEventType)
  subEventType: IncidentSubEventType;

  @Classified(DataClass.PARTNER)
  @Field(() => IncidentLocalType, { nullable: true, description: 'Mission-specific category, if any.' })
  localType: IncidentLocalType | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true, description: 'For a ceasefire violation: the agreement violated.' })
  violatedAgreement: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => PCodeScalar, { description: 'P-code of adminArea.' })
  adminAreaPcode: string;

  @Classified(DataClass.PARTNER)
  @Field(() => AdminArea, { description: 'The smallest known admin area containing the incident.' })
  adminArea?: AdminArea;

  @Classified(DataClass.PARTNER)
  @Field(() => CountryCodeScalar, { description: 'ISO3 of the country the incident happened in.' })
  countryIso3: string;

  @Coarsened(DataClass.PARTNER, DataClass.PRECISE_LOCATION)
  @Field(() => IncidentPoint, {
    description: 'The point: exact with PRECISE_LOCATION clearance, else the admin area centroid (see `precision`).',
  })
  location?: IncidentPoint;

  latitude: number;
  longitude: number;
  areaCentroidLatitude: number | null;
  areaCentroidLongitude: number | null;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { description: 'ACLED geo_precision: 1 = town, 2 = near town / part of region, 3 = region.' })
  geoPrecision: number;

  @Classified(DataClass.PARTNER)
  @Field(() => Boolean, { description: 'ACLED civilian_targeting: civilians were the primary target.' })
  civilianTargeting: boolean;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { description: 'Reported fatalities (ACLED counts conservatively; so do we).' })
  fatalities: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { nullable: true, description: 'Narrative (ACLED notes). UN-internal.' })
  summary: string | null;

  @Classified(DataClass.SECURITY_OPERATIONS)
  @Field(() => String, { nullable: true, description: 'The unit that reported it: reveals deployments.' })
  reportingUnit: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true, description: 'The organisation that recorded it (organisation id).' })
  reportedByOrganizationId: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => [String])
  tags: string[];

  @Classified(DataClass.PARTNER)
  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { description: 'Increments with every verification transition; pass it back as expectedVersion.' })
  version: number;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { description: "'generated' = illustrative demo data, not a real event; 'reported' = entered through reportIncident." })
  provenance: string;
}

@ObjectType({ description: 'A page of incidents, newest first.' })
export class IncidentPage extends PageOf(Incident, DataClass.PARTNER) {}
