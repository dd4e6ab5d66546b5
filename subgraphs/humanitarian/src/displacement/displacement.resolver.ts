import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { AdminArea, adminAreaStub } from '../admin-area/admin-area.type';
import type { HumanitarianContext } from '../loaders';
import { Organization } from '../organization/organization.type';
import { DisplacementFilterInput } from './displacement.inputs';
import { listDisplacement } from './displacement.loaders';
import { Displacement, DisplacementPage } from './displacement.type';

@Resolver(() => Displacement)
export class DisplacementResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => DisplacementPage, { description: 'Displacement figures (IDPs, refugees, returnees) by admin area and round, in id order.' })
  async displacement(
    @Ctx() ctx: HumanitarianContext,
    @Arg('filter', () => DisplacementFilterInput, { nullable: true }) filter?: DisplacementFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<DisplacementPage> {
    const { limit, after } = readPage(page);
    const rows = await listDisplacement(ctx.db, ctx.access, filter ?? {}, after, limit);
    return toPage(rows as unknown as Displacement[], limit, (r) => r.id);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: Displacement): AdminArea {
    return adminAreaStub(row.adminAreaPcode);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Organization, { nullable: true })
  async sourceOrganization(@Root() row: Displacement, @Ctx() ctx: HumanitarianContext): Promise<Organization | null> {
    return (await ctx.loaders.organizationById.load(row.sourceOrganizationId)) as Organization | null;
  }
}
