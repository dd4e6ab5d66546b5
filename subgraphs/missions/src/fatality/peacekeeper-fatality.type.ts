import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, DateScalar, PageOf } from '@peacegraph/kit';

export enum FatalityIncidentType {
  MALICIOUS_ACT = 'MALICIOUS_ACT',
  ACCIDENT = 'ACCIDENT',
  ILLNESS = 'ILLNESS',
  SELF_INFLICTED = 'SELF_INFLICTED',
  OTHER = 'OTHER',
}
registerEnumType(FatalityIncidentType, {
  name: 'FatalityIncidentType',
  description: 'Type of incident in the UN fatalities data ("To Be Determined" and "Unknown" are OTHER).',
});

@ObjectType({ description: 'One UN peacekeeper fatality as published by the Department of Peace Operations (no names are published).' })
export class PeacekeeperFatality {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: "The source's casualty_id." })
  casualtyId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  incidentDate: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'As published: Military, Police, International Civilian, Local, …' })
  personnelType: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  nationality: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar, { nullable: true })
  nationalityIso3: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => FatalityIncidentType)
  incidentType: FatalityIncidentType;
}

@ObjectType()
export class PeacekeeperFatalityPage extends PageOf(PeacekeeperFatality) {}
