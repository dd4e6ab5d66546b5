import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass } from '@peacegraph/kit';

@Directive('@key(fields: "iso3")')
@ObjectType({ description: 'A UN member or observer state, keyed by ISO 3166-1 alpha-3.' })
export class Country {
  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar, { description: 'ISO 3166-1 alpha-3 code, e.g. CAF.' })
  iso3: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'UN M49 numeric code.' })
  m49: number | null;

  /** UN M49 short name in English; served in other languages by CountryResolver.name. */
  name: string;
}
