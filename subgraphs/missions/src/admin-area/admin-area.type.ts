import { Directive, Field, Float, Int } from 'type-graphql';
import { AdminAreaKey, Classified, CountryCodeScalar, DataClass, FederatedEntity, PCodeScalar } from '@peacegraph/kit';
import { Country } from '../country/country.type';

@FederatedEntity({ description: 'An administrative area keyed by its OCHA p-code (HDX HAPI keys rows the same way).' })
export class AdminArea extends AdminAreaKey {
  /** The COD name; served by AdminAreaResolver.name. */
  name: string;

  @Directive('@shareable') // the incidents subgraph serves it too, from the same reference row
  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: '1 = admin1 (province/state), 2 = admin2 (district).' })
  level: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar, { nullable: true })
  parentPcode: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar)
  countryIso3: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Float, { nullable: true, description: 'Centroid latitude (WGS 84).' })
  centroidLatitude: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Float, { nullable: true, description: 'Centroid longitude (WGS 84).' })
  centroidLongitude: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'generated' areas are illustrative, not an official common operational dataset." })
  source: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Country, { nullable: true })
  country?: Country | null;
}
