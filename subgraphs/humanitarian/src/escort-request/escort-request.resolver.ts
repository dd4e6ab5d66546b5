import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { adminAreaStub } from '../admin-area/admin-area.type';
import type { HumanitarianContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { Organization } from '../organization/organization.type';
import { EscortRequestFilterInput } from './escort-request.inputs';
import { listEscortRequests } from './escort-request.loaders';
import type { EscortRequestRow } from './escort-request.table';
import { EscortRequest, EscortRequestPage, EscortStatus, EscortStatusChange, EscortWaypoint } from './escort-request.type';

@Resolver(() => EscortRequest)
export class EscortRequestResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => EscortRequestPage, {
    description: 'Escort requests you may see (your own; partners and the mission within their agreements), in id order.',
  })
  async escortRequests(
    @Ctx() ctx: HumanitarianContext,
    @Arg('filter', () => EscortRequestFilterInput, { nullable: true }) filter?: EscortRequestFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<EscortRequestPage> {
    const { limit, after } = readPage(page);
    const rows = await listEscortRequests(ctx.db, ctx.access, filter ?? {}, after, limit);
    return toPage(rows as unknown as EscortRequest[], limit, (r) => r.id);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => EscortRequest, { nullable: true, description: 'One escort request, if you may see it.' })
  async escortRequest(@Ctx() ctx: HumanitarianContext, @Arg('id', () => ID) id: string): Promise<EscortRequest | null> {
    return (await ctx.loaders.escortRequestById.load(id)) as unknown as EscortRequest | null;
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Organization, { nullable: true })
  async requestingOrganization(@Root() row: EscortRequest, @Ctx() ctx: HumanitarianContext): Promise<Organization | null> {
    return (await ctx.loaders.organizationById.load(row.requestingOrganizationId)) as Organization | null;
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Mission, { nullable: true })
  mission(@Root() row: EscortRequest): Mission {
    return { id: row.missionId } as Mission;
  }

  @Classified(DataClass.SECURITY_OPERATIONS)
  @FieldResolver(() => [EscortWaypoint], { nullable: true })
  route(@Root() row: EscortRequest): EscortWaypoint[] {
    const scope = { missionId: row.missionId, originPcode: row.originPcode, requestingOrganizationId: row.requestingOrganizationId };
    return (row as unknown as EscortRequestRow).route.map((w, i) => ({ ...w, ...scope, sequence: i + 1, adminArea: adminAreaStub(w.adminAreaPcode) }));
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => [EscortStatusChange])
  async history(@Root() row: EscortRequest, @Ctx() ctx: HumanitarianContext): Promise<EscortStatusChange[]> {
    const events = await ctx.loaders.escortHistory.load(row.id);
    return events.map((e) => ({
      fromStatus: e.fromStatus as EscortStatus | null,
      toStatus: e.toStatus as EscortStatus,
      reason: e.reason,
      actorOrganizationId: e.actorOrganizationId,
      at: e.at.toISOString(),
    }));
  }
}
