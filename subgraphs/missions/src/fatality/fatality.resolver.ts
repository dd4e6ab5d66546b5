import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { fatalityStatistics } from './fatality.loaders';
import { FatalityStatistic } from './fatality.type';

@Resolver(() => FatalityStatistic)
export class FatalityResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [FatalityStatistic], { description: 'Peacekeeper fatalities by mission × year × incident type.' })
  async fatalityStatistics(
    @Ctx() ctx: MissionsContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('fromYear', () => Int, { nullable: true }) fromYear?: number | null,
    @Arg('toYear', () => Int, { nullable: true }) toYear?: number | null,
  ): Promise<FatalityStatistic[]> {
    return fatalityStatistics(ctx.db, { missionId, fromYear, toYear });
  }
}

@Resolver(() => Mission)
export class MissionFatalitiesResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Int, { description: 'Peacekeeper fatalities over the mission’s lifetime.' })
  async fatalityCount(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<number> {
    return ctx.loaders.fatalityCountByMission.load(mission.id);
  }
}
