import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { listCountries } from './country.loaders';
import { Country } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [Country], { description: 'Every country the data refers to, by name.' })
  async countries(@Ctx() ctx: MissionsContext): Promise<Country[]> {
    return listCountries(ctx.db);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => Country, { nullable: true })
  async country(@Ctx() ctx: MissionsContext, @Arg('iso3', () => CountryCodeScalar) iso3: string): Promise<Country | null> {
    return ctx.loaders.countryByIso3.load(iso3.toUpperCase());
  }
}
