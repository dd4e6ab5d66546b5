import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Classified, Coarsened, coarsenPoint, DataClass, exactOrCoarsened, PageInput, PointPrecision, readPage, toPage, checkAreaFilter, discloseCount } from '@peacegraph/kit';
import { AdminArea, adminAreaStub } from '../admin-area/admin-area.type';
import { Incident } from '../incident/incident.type';
import type { HumanitarianContext } from '../loaders';
import { Organization } from '../organization/organization.type';
import { checkActiveOn } from '../operational-presence/operational-presence.resolver';
import { catalogueArea, knownArea } from '../places';
import { AccessConstraintFilterInput } from './access-constraint.inputs';
import { accessConstraintById, countAccessConstraints, listAccessConstraints } from './access-constraint.loaders';
import { AccessConstraint, AccessConstraintCount, AccessConstraintLocation, AccessConstraintPage, AccessConstraintType } from './access-constraint.type';

@Resolver(() => AccessConstraint)
export class AccessConstraintResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => AccessConstraintPage, { description: 'Access constraints you may see (rows are PARTNER data), in id order.' })
  async accessConstraints(
    @Ctx() ctx: HumanitarianContext,
    @Arg('filter', () => AccessConstraintFilterInput, { nullable: true }) filter?: AccessConstraintFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<AccessConstraintPage> {
    checkActiveOn('filter.from', filter?.from);
    checkActiveOn('filter.to', filter?.to);
    const { limit, after } = readPage(page);
    const rows = await listAccessConstraints(ctx.db, ctx.access, filter ?? {}, after, limit);
    return toPage(rows as unknown as AccessConstraint[], limit, (r) => r.id);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => AccessConstraint, { nullable: true, description: 'One access constraint, if you may see it.' })
  async accessConstraint(@Ctx() ctx: HumanitarianContext, @Arg('id', () => ID) id: string): Promise<AccessConstraint | null> {
    return (await accessConstraintById(ctx.db, ctx.access, id)) as unknown as AccessConstraint | null;
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => [AccessConstraintCount], {
    description: 'Access constraints by admin1 × month × category, for everyone; from/to are widened to whole months, an admin2 adminAreaPcode is refused; the part of a count you cannot list is withheld when below the threshold.',
  })
  async accessConstraintCounts(
    @Ctx() ctx: HumanitarianContext,
    @Arg('filter', () => AccessConstraintFilterInput, { nullable: true }) filter?: AccessConstraintFilterInput | null,
  ): Promise<AccessConstraintCount[]> {
    checkActiveOn('filter.from', filter?.from);
    checkActiveOn('filter.to', filter?.to);
    const filtered = filter?.adminAreaPcode ? await knownArea(ctx.db, filter.adminAreaPcode) : undefined;
    checkAreaFilter('filter.adminAreaPcode', filter?.adminAreaPcode, 1, () => filtered?.level);
    const rows = await countAccessConstraints(ctx.db, ctx.access, filter ?? {});
    return rows.map((r) => {
      const served = discloseCount(r.n, r.visible);
      return { admin1Pcode: r.admin1Pcode, missionId: r.missionId, month: r.month, constraintType: r.constraintType as AccessConstraintType, count: served.value, suppressed: served.suppressed };
    });
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: AccessConstraint): AdminArea {
    return adminAreaStub(row.adminAreaPcode);
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Incident, { nullable: true })
  incident(@Root() row: AccessConstraint): Incident | null {
    const incidentId = (row as unknown as { incidentId: string | null }).incidentId;
    return incidentId ? { id: incidentId } : null;
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Organization, { nullable: true })
  async reportingOrganization(@Root() row: AccessConstraint, @Ctx() ctx: HumanitarianContext): Promise<Organization | null> {
    return (await ctx.loaders.organizationById.load(row.reportingOrganizationId)) as Organization | null;
  }

  /** The one place a constraint's point is served: exact only with PRECISE_LOCATION for this row. */
  @Coarsened(DataClass.PARTNER, DataClass.PRECISE_LOCATION)
  @FieldResolver(() => AccessConstraintLocation, { nullable: true })
  location(@Root() row: AccessConstraint, @Ctx() ctx: HumanitarianContext): AccessConstraintLocation | null {
    const { latitude, longitude } = row as unknown as { latitude: number | null; longitude: number | null };
    if (latitude === null || longitude === null) return null;
    return exactOrCoarsened(ctx.access, AccessConstraint, row, { field: 'location', precise: DataClass.PRECISE_LOCATION }, {
      exact: () => ({ latitude, longitude, precision: PointPrecision.EXACT }),
      coarsened: () => {
        const area = catalogueArea(row.adminAreaPcode);
        return coarsenPoint(latitude, longitude, area ? { latitude: area.centroidLatitude, longitude: area.centroidLongitude } : null);
      },
    });
  }
}
