import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, FederatedEntity, OrganizationKey, PageOf } from '@peacegraph/kit';

/** GraphQL names over the stored values agreements match on (policy.agreements.recipient_organization_type). */
export enum OrganizationType {
  MISSION = 'mission',
  UN_AGENCY = 'un-agency',
  INGO = 'ingo',
  NNGO = 'nngo',
  RED_CROSS = 'red-cross',
  GOVERNMENT = 'government',
  DONOR = 'donor',
  OVERSIGHT = 'oversight',
  OTHER = 'other',
}
registerEnumType(OrganizationType, {
  name: 'OrganizationType',
  description: 'UN agency, international NGO, national NGO, Red Cross/Red Crescent, government, donor, peace operation, oversight body, other.',
});

@FederatedEntity({ description: 'An organisation taking part in the response (owned by the humanitarian subgraph; finance extends it).' })
export class Organization extends OrganizationKey {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  name: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  acronym: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => OrganizationType)
  type: OrganizationType;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'IATI organisation identifier, e.g. XM-DAC-41127.' })
  iatiId: string | null;
}

@ObjectType()
export class OrganizationPage extends PageOf(Organization) {}
