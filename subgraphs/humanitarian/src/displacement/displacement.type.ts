import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, DateScalar, PageOf, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import { Organization } from '../organization/organization.type';

export enum PopulationGroup {
  IDPS = 'IDPS',
  REFUGEES = 'REFUGEES',
  RETURNEES = 'RETURNEES',
}
registerEnumType(PopulationGroup, { name: 'PopulationGroup', description: 'Internally displaced people, refugees (and asylum seekers), returnees.' });

export enum DisplacementAssessmentType {
  BASELINE_ASSESSMENT = 'BASELINE_ASSESSMENT',
  SITE_ASSESSMENT = 'SITE_ASSESSMENT',
  REGISTRATION = 'REGISTRATION',
  MULTI_SECTOR_LOCATION_ASSESSMENT = 'MULTI_SECTOR_LOCATION_ASSESSMENT',
}
registerEnumType(DisplacementAssessmentType, { name: 'DisplacementAssessmentType', description: 'How the figure was collected (IOM DTM / UNHCR terms).' });

/** Public, as HDX publishes displacement figures by admin area; aggregate counts, never people. */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', owner: 'sourceOrganizationId', id: 'id' })
@ObjectType({ description: 'Displaced people in an admin area, by population group and reporting round.' })
export class Displacement {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  adminAreaPcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  admin1Pcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  adminLevel: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar)
  countryIso3: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'The peace operation in whose area the figure was collected.' })
  missionId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => PopulationGroup)
  populationGroup: PopulationGroup;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  reportingRound: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  reportingDate: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DisplacementAssessmentType)
  assessmentType: DisplacementAssessmentType;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  individuals: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  households: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  sourceOrganizationId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Organization, { nullable: true })
  sourceOrganization?: Organization | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'generated' figures are illustrative demo data." })
  source: string;
}

@ObjectType()
export class DisplacementPage extends PageOf(Displacement) {}
