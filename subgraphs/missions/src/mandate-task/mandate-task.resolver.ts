import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { SecurityCouncilResolution } from '../resolution/resolution.type';
import { MandateTask } from './mandate-task.type';

@Resolver(() => MandateTask)
export class MandateTaskResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => SecurityCouncilResolution, { nullable: true, description: 'The resolution that set this task.' })
  async resolution(@Root() task: MandateTask, @Ctx() ctx: MissionsContext): Promise<SecurityCouncilResolution | null> {
    return (await ctx.loaders.resolutionBySymbol.load(task.resolutionSymbol)) as SecurityCouncilResolution | null;
  }
}
