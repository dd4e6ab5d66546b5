import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { calendarDate, Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { AdminArea, adminAreaStub } from '../admin-area/admin-area.type';
import type { HumanitarianContext } from '../loaders';
import { Organization } from '../organization/organization.type';
import { CLUSTER_INFO, type IascCluster } from './cluster';
import { OperationalPresenceFilterInput } from './operational-presence.inputs';
import { listOperationalPresence } from './operational-presence.loaders';
import type { OperationalPresenceRow } from './operational-presence.table';
import { OperationalPresence, OperationalPresencePage } from './operational-presence.type';
import { PeopleBySexAndAge } from './people-count.type';

export function checkActiveOn(field: string, value: string | null | undefined): void {
  if (value) calendarDate(field, value);
}

@Resolver(() => OperationalPresence)
export class OperationalPresenceResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => OperationalPresencePage, { description: 'Who does what where (3W), filtered, in id order, cursor-paginated.' })
  async operationalPresence(
    @Ctx() ctx: HumanitarianContext,
    @Arg('filter', () => OperationalPresenceFilterInput, { nullable: true }) filter?: OperationalPresenceFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<OperationalPresencePage> {
    checkActiveOn('filter.activeOn', filter?.activeOn);
    const { limit, after } = readPage(page);
    const rows = await listOperationalPresence(ctx.db, ctx.access, filter ?? {}, after, limit);
    return toPage(rows as unknown as OperationalPresence[], limit, (r) => r.id);
  }

  @Classified(DataClass.PUBLIC)
  @Query(() => OperationalPresence, { nullable: true })
  async operationalPresenceRow(@Ctx() ctx: HumanitarianContext, @Arg('id', () => ID) id: string): Promise<OperationalPresence | null> {
    return (await ctx.loaders.presenceById.load(id)) as unknown as OperationalPresence | null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => Organization, { nullable: true })
  async organization(@Root() row: OperationalPresence, @Ctx() ctx: HumanitarianContext): Promise<Organization | null> {
    return (await ctx.loaders.organizationById.load(row.organizationId)) as Organization | null;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => String)
  clusterCode(@Root() row: OperationalPresence): string {
    return CLUSTER_INFO[row.cluster as IascCluster].code;
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: OperationalPresence): AdminArea {
    return adminAreaStub(row.adminAreaPcode);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => PeopleBySexAndAge)
  targeted(@Root() row: OperationalPresence): PeopleBySexAndAge {
    const r = row as unknown as OperationalPresenceRow;
    return {
      total: r.targetedTotal,
      femaleChildren: r.targetedFemaleChildren,
      maleChildren: r.targetedMaleChildren,
      femaleAdults: r.targetedFemaleAdults,
      maleAdults: r.targetedMaleAdults,
    };
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => PeopleBySexAndAge)
  reached(@Root() row: OperationalPresence): PeopleBySexAndAge {
    const r = row as unknown as OperationalPresenceRow;
    return {
      total: r.reachedTotal,
      femaleChildren: r.reachedFemaleChildren,
      maleChildren: r.reachedMaleChildren,
      femaleAdults: r.reachedFemaleAdults,
      maleAdults: r.reachedMaleAdults,
    };
  }
}
