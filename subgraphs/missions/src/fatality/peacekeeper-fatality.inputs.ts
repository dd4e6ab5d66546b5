import { Field, InputType, Int } from 'type-graphql';
import { FatalityIncidentType } from './peacekeeper-fatality.type';
import { CountryCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class PeacekeeperFatalityFilterInput {
  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the incident.' })
  year?: number | null;

  @Field(() => FatalityIncidentType, { nullable: true })
  incidentType?: FatalityIncidentType | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'ISO3 of the nationality.' })
  nationalityIso3?: string | null;
}
