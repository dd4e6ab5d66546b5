import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, Classified, DataClass } from '@peacegraph/kit';
import { Country } from '../country/country.type';
import { GenderParityTarget, genderShare, parityTargets } from '../gender/gender-share.type';
import type { MissionsContext } from '../loaders';
import { rankContributors } from './contribution.loaders';
import { ContributorRank } from './contributor-rank.type';

@Resolver(() => ContributorRank)
export class ContributorRankResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [ContributorRank], { description: 'Contributing countries ranked by uniformed personnel in a year, for one mission or overall. Years the source covers only in part (see MissionStrength.completeYear) understate totals; ranks within a year still compare like with like.' })
  async contributorRanking(
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int) year: number,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('top', () => Int, { nullable: true, description: 'Only the first N (1–500).' }) top?: number | null,
  ): Promise<ContributorRank[]> {
    if (top !== null && top !== undefined && (top < 1 || top > 500)) throw badInput('top', 'must be between 1 and 500.');
    const rows = await rankContributors(ctx.db, year, missionId ? missionId.toUpperCase() : null, top ?? null);
    return rows.map((row) => ({ ...row, genderShare: genderShare(year, row.female, row.male) }));
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => [GenderParityTarget], { description: 'UN uniformed gender parity targets used for comparisons (source named on each).' })
  genderParityTargets(): GenderParityTarget[] {
    return parityTargets();
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Country, { nullable: true })
  async contributor(@Root() row: ContributorRank, @Ctx() ctx: MissionsContext): Promise<Country | null> {
    return row.contributorIso3 ? ctx.loaders.countryByIso3.load(row.contributorIso3) : null;
  }
}
