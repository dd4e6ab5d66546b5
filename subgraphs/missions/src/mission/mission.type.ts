import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, DateScalar, FederatedEntity, MissionKey, PageOf, ScopedBy } from '@peacegraph/kit';

export enum MissionType {
  PKO = 'PKO',
  SPM = 'SPM',
}
registerEnumType(MissionType, {
  name: 'MissionType',
  description: 'Peacekeeping operation or special political mission.',
});

export enum LeadOrganization {
  UN = 'UN',
  AU = 'AU',
  EU = 'EU',
  COALITION = 'COALITION',
}
registerEnumType(LeadOrganization, { name: 'LeadOrganization' });

export enum MissionStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
  IN_TRANSITION = 'IN_TRANSITION',
}
registerEnumType(MissionStatus, { name: 'MissionStatus' });

// Scoped by its own id: UN_INTERNAL fields of a mission (training compliance) are decided per mission.
@ScopedBy({ mission: 'id', id: 'id' })
@FederatedEntity({ description: 'A UN peacekeeping operation or special political mission.' })
export class Mission extends MissionKey {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  acronym: string;

  /** The official English name; served in other languages by MissionResolver.name. */
  name: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => MissionType)
  missionType: MissionType;

  @Classified(DataClass.PUBLIC)
  @Field(() => LeadOrganization)
  leadOrganization: LeadOrganization;

  @Classified(DataClass.PUBLIC)
  @Field(() => [CountryCodeScalar], { description: 'ISO3 codes of the host countries.' })
  hostCountryIso3: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'Start of the mandate, YYYY-MM-DD.' })
  startDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'End date for closed missions, YYYY-MM-DD.' })
  endDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => MissionStatus)
  status: MissionStatus;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  headquarters: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'curated' from UN mission pages, or 'derived' from the data files (acronym only)." })
  source: string;
}

@ObjectType()
export class MissionPage extends PageOf(Mission) {}
