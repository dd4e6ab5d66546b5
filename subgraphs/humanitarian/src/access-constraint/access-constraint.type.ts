import { Classified, Coarsened, CountryCodeScalar, DataClass, DateScalar, PageOf, PCodeScalar, PublicCoordinates, ScopedBy, YearMonthScalar } from '@peacegraph/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdminArea } from '../admin-area/admin-area.type';
import { Incident } from '../incident/incident.type';
import { Organization } from '../organization/organization.type';

/** OCHA Access Monitoring and Reporting Framework categories. */
export enum AccessConstraintType {
  DENIAL_OF_NEEDS = 'DENIAL_OF_NEEDS',
  RESTRICTION_OF_ENTRY = 'RESTRICTION_OF_ENTRY',
  RESTRICTION_OF_MOVEMENT = 'RESTRICTION_OF_MOVEMENT',
  INTERFERENCE_IN_ACTIVITIES = 'INTERFERENCE_IN_ACTIVITIES',
  RESTRICTION_OF_POPULATION_ACCESS = 'RESTRICTION_OF_POPULATION_ACCESS',
  VIOLENCE_AGAINST_PERSONNEL_OR_ASSETS = 'VIOLENCE_AGAINST_PERSONNEL_OR_ASSETS',
  MILITARY_OPERATIONS_AND_HOSTILITIES = 'MILITARY_OPERATIONS_AND_HOSTILITIES',
  EXPLOSIVE_HAZARDS = 'EXPLOSIVE_HAZARDS',
  PHYSICAL_ENVIRONMENT = 'PHYSICAL_ENVIRONMENT',
}
registerEnumType(AccessConstraintType, { name: 'AccessConstraintType', description: 'OCHA access monitoring category.' });

export enum AccessImpact {
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  SEVERE = 'SEVERE',
}
registerEnumType(AccessImpact, { name: 'AccessImpact', description: 'MINOR: delayed; MODERATE: relocated or reduced; SEVERE: suspended.' });

@ObjectType({ description: 'Where a constraint happened, with how exact the point is.' })
export class AccessConstraintLocation extends PublicCoordinates {
  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'EXACT, ROUNDED_0_1_DEGREE or ADMIN_AREA_CENTROID.' })
  precision: string;
}

/** Not public: partners in scope, the mission and the reporting organisation see rows; the public sees suppressed counts. */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', owner: 'reportingOrganizationId', providedBy: 'mission', id: 'id' })
@ObjectType({ description: 'A humanitarian access constraint.' })
export class AccessConstraint {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PARTNER)
  @Field(() => AccessConstraintType)
  constraintType: AccessConstraintType;

  @Classified(DataClass.PARTNER)
  @Field(() => PCodeScalar)
  adminAreaPcode: string;

  @Classified(DataClass.PARTNER)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  @Classified(DataClass.PARTNER)
  @Field(() => CountryCodeScalar)
  countryIso3: string;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true })
  missionId: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  occurredOn: string;

  @Classified(DataClass.PARTNER)
  @Field(() => AccessImpact)
  impact: AccessImpact;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  description: string;

  @Coarsened(DataClass.PARTNER, DataClass.PRECISE_LOCATION)
  @Field(() => AccessConstraintLocation, { nullable: true, description: 'Exact only for callers cleared for PRECISE_LOCATION; else the admin area centroid.' })
  location?: AccessConstraintLocation | null;

  @Classified(DataClass.PARTNER)
  @Field(() => Incident, { nullable: true, description: 'The recorded incident that caused it, if any.' })
  incident?: Incident | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  reportingOrganizationId: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Organization, { nullable: true })
  reportingOrganization?: Organization | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  source: string;
}

@ObjectType()
export class AccessConstraintPage extends PageOf(AccessConstraint) {}

// A cell is exact for callers holding PARTNER for its mission and area, suppressed below the threshold for everyone else.
@ScopedBy({ mission: 'missionId', area: 'admin1Pcode' })
@ObjectType({ description: 'Access constraints counted by admin1 area × month × category; small counts suppressed outside your agreements.' })
export class AccessConstraintCount {
  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  admin1Pcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'The mission whose area this is.' })
  missionId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => YearMonthScalar, { description: 'YYYY-MM' })
  month: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => AccessConstraintType)
  constraintType: AccessConstraintType;

  @Coarsened(DataClass.PUBLIC, DataClass.PARTNER)
  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count: number | null;

  @Coarsened(DataClass.PUBLIC, DataClass.PARTNER)
  @Field(() => Boolean)
  suppressed: boolean;
}
