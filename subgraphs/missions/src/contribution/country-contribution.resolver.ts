import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import { Country } from '../country/country.type';
import { genderShare, GenderShare } from '../gender/gender-share.type';
import type { MissionsContext } from '../loaders';

@Resolver(() => Country)
export class CountryContributionResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => GenderShare, {
    nullable: true,
    description: "Women among the country's uniformed peacekeepers over all missions in a year (default: the latest complete year), against the UN parity target; null if it contributed none.",
  })
  async uniformedGenderShare(
    @Root() country: Country,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<GenderShare | null> {
    const [years, complete] = await Promise.all([ctx.loaders.contributedByCountry.load(country.iso3), ctx.loaders.contributionYearComplete()]);
    const row = year ? years.find((r) => r.year === year) : [...years].reverse().find((r) => complete.get(r.year));
    return row ? genderShare(row.year, row.female, row.male) : null;
  }
}
