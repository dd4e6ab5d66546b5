import { Field, InputType, Int } from 'type-graphql';
import { PopulationGroup } from './displacement.type';
import { CountryCodeScalar, PCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class DisplacementFilterInput {
  @Field(() => CountryCodeScalar, { nullable: true })
  countryIso3?: string | null;

  @Field(() => PCodeScalar, { nullable: true, description: 'This area and the areas inside it (p-code prefix).' })
  adminAreaPcode?: string | null;

  @Field(() => PopulationGroup, { nullable: true })
  populationGroup?: PopulationGroup | null;

  @Field(() => Int, { nullable: true })
  reportingRound?: number | null;
}
