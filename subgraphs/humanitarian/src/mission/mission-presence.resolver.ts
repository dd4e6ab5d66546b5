import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { badInput, Classified, DataClass, DateScalar, MAX_PAGE_SIZE } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { IascCluster } from '../operational-presence/cluster';
import { checkActiveOn } from '../operational-presence/operational-presence.resolver';
import { OperationalPresence } from '../operational-presence/operational-presence.type';
import { Mission } from './mission.type';

@Resolver(() => Mission)
export class MissionPresenceResolver {
  /**
   * `@requires(hostCountryIso3)`: the gateway fetches the host countries from the missions
   * subgraph first; the loader then reads every mission's countries in one statement.
   */
  @Directive('@requires(fields: "hostCountryIso3")')
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [OperationalPresence], { nullable: true, description: "3W activities in the mission's host countries, in id order." })
  async operationalPresence(
    @Root() mission: Mission,
    @Ctx() ctx: HumanitarianContext,
    @Arg('cluster', () => IascCluster, { nullable: true }) cluster?: IascCluster | null,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'YYYY-MM-DD' }) activeOn?: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: `The first N rows in id order, 1–${MAX_PAGE_SIZE}.` }) first = 100,
  ): Promise<OperationalPresence[]> {
    checkActiveOn('activeOn', activeOn);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`);
    const perCountry = await ctx.loaders.presenceByCountry.loadMany(
      (mission.hostCountryIso3 ?? []).map((countryIso3) => ({ countryIso3, cluster: cluster ?? null, activeOn: activeOn ?? null })),
    );
    const rows = perCountry.flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, first) as unknown as OperationalPresence[];
  }
}
