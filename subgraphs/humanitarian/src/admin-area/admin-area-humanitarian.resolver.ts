import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { AccessConstraint, AccessConstraintPage } from '../access-constraint/access-constraint.type';
import { Displacement, DisplacementPage } from '../displacement/displacement.type';
import { OperationalPresence, OperationalPresencePage } from '../operational-presence/operational-presence.type';
import { AdminArea } from './admin-area.type';

/**
 * An area's lists are pages (issue 19): a busy area holds hundreds of 3W rows, constraints and
 * displacement rounds at scale, so an unbounded list made the answer — not the cost per row —
 * grow with the data. Each is one statement per batch of areas and cursor (area-pages.ts).
 */
@Resolver(() => AdminArea)
export class AdminAreaHumanitarianResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => OperationalPresencePage, { nullable: true, description: '3W activities in this area and the areas inside it, in id order, cursor-paginated.' })
  async operationalPresence(
    @Root() area: AdminArea,
    @Ctx() ctx: HumanitarianContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<OperationalPresencePage> {
    const { limit, after } = readPage(page);
    const rows = await ctx.loaders.presencePagesByArea.load({ pcode: area.pcode, after, limit });
    return toPage(rows as unknown as OperationalPresence[], limit, (r) => r.id);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => DisplacementPage, { nullable: true, description: 'Displacement figures in this area and the areas inside it, in id order, cursor-paginated.' })
  async displacement(
    @Root() area: AdminArea,
    @Ctx() ctx: HumanitarianContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<DisplacementPage> {
    const { limit, after } = readPage(page);
    const rows = await ctx.loaders.displacementPagesByArea.load({ pcode: area.pcode, after, limit });
    return toPage(rows as unknown as Displacement[], limit, (r) => r.id);
  }

  /** Rows are PARTNER data: the loader keeps only the caller's (public and out-of-scope callers get an empty page). */
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => AccessConstraintPage, { nullable: true, description: 'Access constraints you may see in this area and the areas inside it, in id order, cursor-paginated.' })
  async accessConstraints(
    @Root() area: AdminArea,
    @Ctx() ctx: HumanitarianContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<AccessConstraintPage> {
    const { limit, after } = readPage(page);
    const rows = await ctx.loaders.constraintPagesByArea.load({ pcode: area.pcode, after, limit });
    return toPage(rows as unknown as AccessConstraint[], limit, (r) => r.id);
  }
}
