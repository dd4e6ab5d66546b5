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
    // Summed from the 3W rollup (footprint_cells), not the rows: one statement per request.
    const perCountry = await ctx.loaders.footprintByCountry.loadMany((mission.hostCountryIso3 ?? []).map((countryIso3) => ({ countryIso3, activeOn: activeOn ?? null })));
    const parts = perCountry.flatMap((r) => {
      if (r instanceof Error) throw r;
      return r;
    });
    const organizationIds = [...new Set(parts.map((p) => p.organizationId))].sort();
    const organizations = (await ctx.loaders.organizationById.loadMany(organizationIds)).filter(
      (o): o is NonNullable<typeof o> & Organization => !!o && !(o instanceof Error),
    ) as Organization[];
    return {
      missionId: mission.id,
      organizationsPresent: organizationIds.length,
      organizations,
      clusters: [...new Set(parts.map((p) => p.cluster))].sort() as IascCluster[],
      peopleTargeted: parts.reduce((s, p) => s + p.targeted, 0),
      peopleReached: parts.reduce((s, p) => s + p.reached, 0),
      openEscortRequests: null,
    };
  }
}
