import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badInput, Classified, DataClass } from '@peacegraph/kit';
import { Country } from '../country/country.type';
import type { MissionsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { Contribution } from './contribution.type';

@Resolver(() => Contribution)
export class ContributionResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Country, { nullable: true })
  async contributor(@Root() row: Contribution, @Ctx() ctx: MissionsContext): Promise<Country | null> {
    return row.contributorIso3 ? ctx.loaders.countryByIso3.load(row.contributorIso3) : null;
  }
}

@Resolver(() => Mission)
export class MissionContributionsResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Contribution], { description: 'Contributing countries in a year, largest first.' })
  async contributions(
    @Root() mission: Mission,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int) year: number,
    @Arg('top', () => Int, { nullable: true, description: 'Only the largest N contributors.' }) top?: number | null,
  ): Promise<Contribution[]> {
    if (top !== null && top !== undefined && top < 1) throw badInput('top', 'must be at least 1.');
    const rows = await ctx.loaders.contributionsByMission.load({ missionId: mission.id, year });
    return (top ? rows.slice(0, top) : rows) as Contribution[];
  }
}
