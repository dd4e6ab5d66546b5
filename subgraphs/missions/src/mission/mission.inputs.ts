import { Field, InputType } from 'type-graphql';
import { LeadOrganization, MissionStatus, MissionType } from './mission.type';
import { CountryCodeScalar, DateScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class MissionFilterInput {
  @Field(() => MissionStatus, { nullable: true })
  status?: MissionStatus | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'ISO3 of a host country.' })
  hostCountryIso3?: string | null;

  @Field(() => LeadOrganization, { nullable: true })
  leadOrganization?: LeadOrganization | null;

  @Field(() => DateScalar, { nullable: true, description: 'Missions deployed on this date (YYYY-MM-DD).' })
  activeOn?: string | null;

  @Field(() => MissionType, { nullable: true })
  missionType?: MissionType | null;

  @Field(() => String, { nullable: true, description: 'Acronym or name contains this text (case-insensitive).' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: "'curated' or 'derived'." })
  source?: string | null;
}
