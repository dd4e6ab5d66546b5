import { Field, InputType, Int } from 'type-graphql';
import { PopulationGroup } from './displacement.type';

@InputType({ description: 'All given conditions must hold.' })
export class DisplacementFilterInput {
  @Field(() => String, { nullable: true })
  countryIso3?: string | null;

  @Field(() => String, { nullable: true, description: 'This area and the areas inside it (p-code prefix).' })
  adminAreaPcode?: string | null;

  @Field(() => PopulationGroup, { nullable: true })
  populationGroup?: PopulationGroup | null;

  @Field(() => Int, { nullable: true })
  reportingRound?: number | null;
}
