import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Classified, Coarsened, coarsenPoint, DataClass, PageInput, PointPrecision, readPage, suppressCount, toPage } from '@peacegraph/kit';
import { AdminArea, adminAreaStub } from '../admin-area/admin-area.type';
import { Incident } from '../incident/incident.type';
import type { HumanitarianContext } from '../loaders';
import { Organization } from '../organization/organization.type';
import { checkActiveOn } from '../operational-presence/operational-presence.resolver';
import { knownArea } from '../places';
import { AccessConstraintFilterInput } from './access-constraint.inputs';
import { countAccessConstraints, listAccessConstraints } from './access-constraint.loaders';
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
  @Query(() => [AccessConstraintCount], {
    description: 'Access constraints by admin1 × month × category, for everyone; counts below the threshold are suppressed outside your agreements.',
  })
  async accessConstraintCounts(
    @Ctx() ctx: HumanitarianContext,
    @Arg('filter', () => AccessConstraintFilterInput, { nullable: true }) filter?: AccessConstraintFilterInput | null,
  ): Promise<AccessConstraintCount[]> {
    checkActiveOn('filter.from', filter?.from);
    checkActiveOn('filter.to', filter?.to);
    const rows = await countAccessConstraints(ctx.db, filter ?? {});
    return rows.map((r) => {
      const inScope = ctx.access.allows(DataClass.PARTNER, { missionId: r.missionId, adminAreaPcode: r.admin1Pcode });
      const served = suppressCount(Number(r.n), !inScope);
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
    const scope = { missionId: row.missionId, adminAreaPcode: row.adminAreaPcode, ownerOrganizationId: row.reportingOrganizationId, providedBy: 'mission' as const };
    const decision = { entityType: 'AccessConstraint', entityId: row.id, field: 'location' };
    if (ctx.access.allows(DataClass.PRECISE_LOCATION, scope)) {
      ctx.access.audit.record(ctx.identity, DataClass.PRECISE_LOCATION, decision, 'GRANTED');
      return { latitude, longitude, precision: PointPrecision.EXACT };
    }
    ctx.access.recordCoarsened(DataClass.PRECISE_LOCATION, decision);
    const area = knownArea(row.adminAreaPcode);
    return coarsenPoint(latitude, longitude, area ? { latitude: area.centroidLatitude, longitude: area.centroidLongitude } : null);
  }
}
