import { Field, InputType, Int } from 'type-graphql';
import { CountryCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class DeploymentSiteFilterInput {
  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Sites where this country (ISO3) had personnel.' })
  contributorIso3?: string | null;
}
