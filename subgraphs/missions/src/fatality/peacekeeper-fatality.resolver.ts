import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { fatalityCursorKey, listFatalities } from './fatality.loaders';
import { PeacekeeperFatalityFilterInput } from './peacekeeper-fatality.inputs';
import { PeacekeeperFatality, PeacekeeperFatalityPage } from './peacekeeper-fatality.type';

const CURSOR_KEY = /^(\d{4}-\d{2}-\d{2})\|(.+)$/;

@Resolver(() => PeacekeeperFatality)
export class PeacekeeperFatalityResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => PeacekeeperFatalityPage, { description: 'Peacekeeper fatalities, newest first, filtered, cursor-paginated.' })
  async peacekeeperFatalities(
    @Ctx() ctx: MissionsContext,
    @Arg('filter', () => PeacekeeperFatalityFilterInput, { nullable: true }) filter?: PeacekeeperFatalityFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<PeacekeeperFatalityPage> {
    const { limit, after } = readPage(page);
    let afterKey: { date: string; id: string } | null = null;
    if (after !== null) {
      const match = CURSOR_KEY.exec(after);
      if (!match) throw badInput('page.after', 'is not a cursor this API issued.');
      afterKey = { date: match[1]!, id: match[2]! };
    }
    const rows = await listFatalities(ctx.db, filter ?? {}, afterKey, limit);
    return toPage(rows as PeacekeeperFatality[], limit, fatalityCursorKey);
  }
}
