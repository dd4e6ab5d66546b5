import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { listOrganizations } from './organization.loaders';
import { Organization, OrganizationPage, OrganizationType } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => OrganizationPage, { description: 'Organisations of the response, by id, cursor-paginated.' })
  async organizations(
    @Ctx() ctx: HumanitarianContext,
    @Arg('type', () => OrganizationType, { nullable: true }) type?: OrganizationType | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<OrganizationPage> {
    const { limit, after } = readPage(page);
    const rows = await listOrganizations(ctx.db, type, after, limit);
    return toPage(rows as Organization[], limit, (o) => o.id);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => Organization, { nullable: true })
  async organization(@Ctx() ctx: HumanitarianContext, @Arg('id', () => ID) id: string): Promise<Organization | null> {
    return (await ctx.loaders.organizationById.load(id)) as Organization | null;
  }
}
