import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, type Language, LanguageArg, PCodeScalar } from '@peacegraph/kit';
import { Country } from '../country/country.type';
import type { MissionsContext } from '../loaders';
import { listAdminAreas } from './admin-area.loaders';
import { AdminArea } from './admin-area.type';

@Resolver(() => AdminArea)
export class AdminAreaResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [AdminArea], { description: 'Admin areas of a country and/or level, by p-code.' })
  async adminAreas(
    @Ctx() ctx: MissionsContext,
    @Arg('countryIso3', () => CountryCodeScalar, { nullable: true }) countryIso3?: string | null,
    @Arg('level', () => Int, { nullable: true }) level?: number | null,
  ): Promise<AdminArea[]> {
    return listAdminAreas(ctx.db, countryIso3, level);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => AdminArea, { nullable: true })
  async adminArea(@Ctx() ctx: MissionsContext, @Arg('pcode', () => PCodeScalar) pcode: string): Promise<AdminArea | null> {
    return ctx.loaders.adminAreaByPcode.load(pcode);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Country, { nullable: true })
  async country(@Root() area: AdminArea, @Ctx() ctx: MissionsContext): Promise<Country | null> {
    return ctx.loaders.countryByIso3.load(area.countryIso3);
  }

  // Proper names of places are not translated: OCHA's CODs give one official name (French for
  // CAF and COD, English for SSD) and leave their other-language name fields empty, so every
  // language gets it. The argument is here so a caller can ask every `name` the same way.
  @Directive('@shareable') // the incidents subgraph serves it too, from the same reference row
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => String, { description: "The place's official name in its common operational dataset (French for CAF and COD, English for SSD), in every language: place names are not translated." })
  name(@Root() area: AdminArea, @LanguageArg() _language?: Language | null): string {
    return area.name;
  }
}
