import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { AccessConstraint } from '../access-constraint/access-constraint.type';
import { Displacement } from '../displacement/displacement.type';
import { OperationalPresence } from '../operational-presence/operational-presence.type';
import { AdminArea } from './admin-area.type';

@Resolver(() => AdminArea)
export class AdminAreaHumanitarianResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [OperationalPresence], { nullable: true, description: '3W activities in this area and the areas inside it.' })
  async operationalPresence(@Root() area: AdminArea, @Ctx() ctx: HumanitarianContext): Promise<OperationalPresence[]> {
    return (await ctx.loaders.presenceByArea.load(area.pcode)) as unknown as OperationalPresence[];
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Displacement], { nullable: true, description: 'Displacement figures in this area and the areas inside it, by round.' })
  async displacement(@Root() area: AdminArea, @Ctx() ctx: HumanitarianContext): Promise<Displacement[]> {
    return (await ctx.loaders.displacementByArea.load(area.pcode)) as unknown as Displacement[];
  }

  /** Rows are PARTNER data: the loader keeps only the caller's (public and out-of-scope callers get an empty list). */
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [AccessConstraint], { nullable: true, description: 'Access constraints you may see in this area and the areas inside it.' })
  async accessConstraints(@Root() area: AdminArea, @Ctx() ctx: HumanitarianContext): Promise<AccessConstraint[]> {
    return (await ctx.loaders.constraintsByArea.load(area.pcode)) as unknown as AccessConstraint[];
  }
}
