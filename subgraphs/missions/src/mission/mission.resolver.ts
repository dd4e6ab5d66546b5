import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { badInput, calendarDate, Classified, DataClass, type Language, LanguageArg, PageInput, readPage, toPage } from '@peacegraph/kit';
import { missionName } from '@peacegraph/reference';
import { Country } from '../country/country.type';
import type { MissionsContext } from '../loaders';
import { MissionFilterInput } from './mission.inputs';
import { listMissions, missionByAcronym } from './mission.loaders';
import { Mission, MissionPage } from './mission.type';


@Resolver(() => Mission)
export class MissionResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => MissionPage, { description: 'Missions, filtered, in acronym order, cursor-paginated.' })
  async missions(
    @Ctx() ctx: MissionsContext,
    @Arg('filter', () => MissionFilterInput, { nullable: true }) filter?: MissionFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<MissionPage> {
    if (filter?.activeOn) calendarDate('filter.activeOn', filter.activeOn);
    if (filter?.search && filter.search.length > 100) throw badInput('filter.search', 'must be at most 100 characters.');
    const { limit, after } = readPage(page);
    const rows = await listMissions(ctx.db, filter ?? {}, after, limit);
    return toPage(rows as Mission[], limit, (m) => m.id);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => Mission, { nullable: true, description: 'One mission by id or acronym.' })
  async mission(
    @Ctx() ctx: MissionsContext,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('acronym', () => String, { nullable: true }) acronym?: string | null,
  ): Promise<Mission | null> {
    if (!id && !acronym) throw badInput('id', 'give an id or an acronym.');
    const row = id ? await ctx.loaders.missionById.load(id) : await missionByAcronym(ctx.db, acronym!);
    return row as Mission | null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Country], { description: 'Host countries.' })
  async hostCountries(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<Country[]> {
    const rows = await ctx.loaders.countryByIso3.loadMany(mission.hostCountryIso3);
    return rows.filter((r): r is Country => !!r && !(r instanceof Error));
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => String, { description: "The official name, in English or French; Arabic gets the English (no Arabic source yet). A 'derived' mission's name is its acronym." })
  name(@Root() mission: Mission, @Ctx() ctx: MissionsContext, @LanguageArg() language?: Language | null): string {
    return missionName(mission, language ?? ctx.language);
  }
}
