import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
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
    @Arg('activeOn', () => String, { nullable: true, description: 'YYYY-MM-DD' }) activeOn?: string | null,
  ): Promise<OperationalPresence[]> {
    checkActiveOn('activeOn', activeOn);
    const perCountry = await ctx.loaders.presenceByCountry.loadMany(
      (mission.hostCountryIso3 ?? []).map((countryIso3) => ({ countryIso3, cluster: cluster ?? null, activeOn: activeOn ?? null })),
    );
    const rows = perCountry.flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
    return rows.sort((a, b) => a.id.localeCompare(b.id)) as unknown as OperationalPresence[];
  }
}
