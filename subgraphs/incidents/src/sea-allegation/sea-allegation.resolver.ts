import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Classified, DataClass, PageInput, discloseCount, readPage, toPage } from '@peacegraph/kit';
import type { IncidentsContext } from '../loaders';
import { listSeaAllegations, seaAllegationCounts } from './sea-allegation.loaders';
import { SeaAllegation, SeaAllegationPage, SeaAllegationStatistic } from './sea-allegation.type';

@Resolver(() => SeaAllegation)
export class SeaAllegationResolver {
  @Classified(DataClass.SEA_ALLEGATION)
  @Query(() => SeaAllegationPage, { nullable: true, description: 'SEA allegations (conduct and discipline only).' })
  async seaAllegations(
    @Ctx() ctx: IncidentsContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<SeaAllegationPage> {
    const { limit, after } = readPage(page);
    const rows = await listSeaAllegations(ctx.db, ctx.access, missionId, after, limit);
    return toPage(rows as SeaAllegation[], limit, (r) => r.id);
  }

  /**
   * Public counts per mission × year. Suppression applies to every caller here (even the
   * conduct-and-discipline role, which reads the rows instead): small SEA counts can
   * identify victims.
   */
  @Classified(DataClass.PUBLIC)
  @Query(() => [SeaAllegationStatistic], { description: 'SEA allegations per mission and year; counts below the threshold withheld for everyone.' })
  async seaAllegationStatistics(
    @Ctx() ctx: IncidentsContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
  ): Promise<SeaAllegationStatistic[]> {
    const rows = await seaAllegationCounts(ctx.db, missionId);
    return rows.map((r) => {
      const c = discloseCount(r.allegations); // nobody's rows count as listed here: the rule is the same for every caller
      return { missionId: r.missionId, year: r.year, allegations: c.value, suppressed: c.suppressed };
    });
  }
}
