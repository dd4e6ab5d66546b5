import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, type Language, LanguageArg } from '@peacegraph/kit';
import { countryName } from '@peacegraph/reference';
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
    return ctx.loaders.countryByIso3.load(iso3);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => String, { description: 'English: the UN M49 short name. French, Arabic: the names of the i18n-iso-countries library (English where it has none).' })
  name(@Root() country: Country, @Ctx() ctx: MissionsContext, @LanguageArg() language?: Language | null): string {
    return countryName(country, language ?? ctx.language);
  }
}
