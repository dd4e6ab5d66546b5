import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, Classified, coarsenPoint, Coarsened, DataClass, exactOrCoarsened, PageInput, readPage, toPage } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { DeploymentSiteFilterInput } from './deployment-site.inputs';
import { listSites } from './deployment-site.loaders';
import { DeploymentSite, DeploymentSiteContributor, DeploymentSitePage, SitePoint, SitePointPrecision } from './deployment-site.type';

@Resolver(() => DeploymentSite)
export class DeploymentSiteResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => DeploymentSitePage, { description: 'Deployment sites, filtered, in id order, cursor-paginated. Current positions come coarsened unless you hold SECURITY_OPERATIONS for the mission.' })
  async deploymentSites(
    @Ctx() ctx: MissionsContext,
    @Arg('filter', () => DeploymentSiteFilterInput, { nullable: true }) filter?: DeploymentSiteFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<DeploymentSitePage> {
    const { limit, after } = readPage(page);
    const afterId = after === null ? null : Number(after);
    if (afterId !== null && !Number.isInteger(afterId)) throw badInput('page.after', 'is not a cursor this API issued.');
    const rows = await listSites(ctx.db, filter ?? {}, afterId, limit, await ctx.loaders.latestDeploymentYear());
    return toPage(rows as DeploymentSite[], limit, (site) => String(site.id));
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Boolean, { description: 'True for sites in the latest year of the data: current positions.' })
  isCurrentPosition(@Root() site: DeploymentSite): boolean {
    return site.isCurrent;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Boolean, {
    description: 'True for current positions and for earlier rows of a current site (same mission and name, or within about 1 km): their points are coarsened.',
  })
  identifiesCurrentPosition(@Root() site: DeploymentSite): boolean {
    return site.isCurrent || site.identifiesCurrent;
  }

  /** The one place a site's point is served: exact for history, or with SECURITY_OPERATIONS for the site's mission. */
  @Coarsened(DataClass.PUBLIC, DataClass.SECURITY_OPERATIONS, { when: 'identifiesCurrentPosition' })
  @FieldResolver(() => SitePoint)
  point(@Root() site: DeploymentSite, @Ctx() ctx: MissionsContext): SitePoint {
    const exact = { latitude: site.latitude, longitude: site.longitude, precision: SitePointPrecision.EXACT };
    if (!site.isCurrent && !site.identifiesCurrent) return exact;
    return exactOrCoarsened(ctx.access, DeploymentSite, site, { field: 'point', precise: DataClass.SECURITY_OPERATIONS }, {
      exact: () => exact,
      coarsened: () => {
        const served = coarsenPoint(site.latitude, site.longitude);
        return { latitude: served.latitude, longitude: served.longitude, precision: served.precision as unknown as SitePointPrecision };
      },
    });
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [DeploymentSiteContributor], { description: 'Contributing countries at the site, as listed by the source.' })
  async contributors(@Root() site: DeploymentSite, @Ctx() ctx: MissionsContext): Promise<DeploymentSiteContributor[]> {
    return ctx.loaders.contributorsBySite.load(site.id);
  }
}

@Resolver(() => Mission)
export class MissionDeploymentSitesResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [DeploymentSite], { description: "The mission's deployment sites in a year (default: its latest year in the data), by name." })
  async deploymentSites(
    @Root() mission: Mission,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<DeploymentSite[]> {
    return (await ctx.loaders.sitesByMission.load({ missionId: mission.id, year: year ?? null })) as DeploymentSite[];
  }
}
