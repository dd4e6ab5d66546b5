import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, DateScalar } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import type { IascCluster } from '../operational-presence/cluster';
import { checkActiveOn } from '../operational-presence/operational-presence.resolver';
import type { Organization } from '../organization/organization.type';
import { HumanitarianFootprint } from './footprint.type';

@Resolver(() => HumanitarianFootprint)
export class FootprintResolver {
  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Int, { nullable: true })
  async openEscortRequests(@Root() footprint: HumanitarianFootprint, @Ctx() ctx: HumanitarianContext): Promise<number> {
    return ctx.loaders.openEscortCountByMission.load(footprint.missionId);
  }
}

@Resolver(() => Mission)
export class MissionFootprintResolver {
  @Directive('@requires(fields: "hostCountryIso3")')
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => HumanitarianFootprint, {
    nullable: true,
    description: 'Organisations present, clusters and people reached in the host countries: ONGOING 3W activities, or those covering `activeOn`.',
  })
  async humanitarianFootprint(
    @Root() mission: Mission,
    @Ctx() ctx: HumanitarianContext,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'YYYY-MM-DD' }) activeOn?: string | null,
  ): Promise<HumanitarianFootprint> {
    checkActiveOn('activeOn', activeOn);
    const perCountry = await ctx.loaders.presenceByCountry.loadMany(
      (mission.hostCountryIso3 ?? []).map((countryIso3) => ({ countryIso3, cluster: null, activeOn: activeOn ?? null })),
    );
    const rows = perCountry.flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    }).filter((r) => activeOn || r.status === 'ONGOING');
    const organizationIds = [...new Set(rows.map((r) => r.organizationId))].sort();
    const organizations = (await ctx.loaders.organizationById.loadMany(organizationIds)).filter(
      (o): o is NonNullable<typeof o> & Organization => !!o && !(o instanceof Error),
    ) as Organization[];
    return {
      missionId: mission.id,
      organizationsPresent: organizationIds.length,
      organizations,
      clusters: [...new Set(rows.map((r) => r.cluster))].sort() as IascCluster[],
      peopleTargeted: rows.reduce((s, r) => s + r.targetedTotal, 0),
      peopleReached: rows.reduce((s, r) => s + r.reachedTotal, 0),
      openEscortRequests: null,
    };
  }
}
