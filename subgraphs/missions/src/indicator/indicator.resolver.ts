import { Arg, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { MandateTask } from '../mandate-task/mandate-task.type';
import { Mission } from '../mission/mission.type';
import { Indicator, Measurement, progressOf } from './indicator.type';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Classified(DataClass.UN_INTERNAL)
  @Query(() => [Indicator], { nullable: true, description: "A mission's M&E indicators within your agreements (UN_INTERNAL), by task. GENERATED demo data." })
  async indicators(@Ctx() ctx: MissionsContext, @Arg('missionId', () => String) missionId: string): Promise<Indicator[]> {
    return (await ctx.loaders.indicatorsByMission.load(missionId.toUpperCase())) as Indicator[];
  }

  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => [Measurement], { nullable: true, description: 'Values over time, oldest first.' })
  async measurements(@Root() indicator: Indicator, @Ctx() ctx: MissionsContext): Promise<Measurement[]> {
    return (await ctx.loaders.measurementsByIndicator.load(indicator.id)) as Measurement[];
  }

  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => Measurement, { nullable: true, description: 'The most recent value.' })
  async latest(@Root() indicator: Indicator, @Ctx() ctx: MissionsContext): Promise<Measurement | null> {
    const values = await ctx.loaders.measurementsByIndicator.load(indicator.id);
    return (values[values.length - 1] ?? null) as Measurement | null;
  }

  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => Float, { nullable: true, description: 'Progress from baseline (0) to target (1) of the latest value.' })
  async progress(@Root() indicator: Indicator, @Ctx() ctx: MissionsContext): Promise<number | null> {
    const values = await ctx.loaders.measurementsByIndicator.load(indicator.id);
    return progressOf(indicator, values[values.length - 1]);
  }

  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => MandateTask, { nullable: true })
  async mandateTask(@Root() indicator: Indicator, @Ctx() ctx: MissionsContext): Promise<MandateTask | null> {
    return (await ctx.loaders.taskById.load(indicator.mandateTaskId)) as MandateTask | null;
  }
}

@Resolver(() => MandateTask)
export class MandateTaskIndicatorsResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Indicator], { description: 'M&E indicators of this task you may see (UN_INTERNAL rows; empty for others).' })
  async indicators(@Root() task: MandateTask, @Ctx() ctx: MissionsContext): Promise<Indicator[]> {
    return (await ctx.loaders.indicatorsByTask.load(task.id)) as Indicator[];
  }
}

@Resolver(() => Mission)
export class MissionIndicatorsResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [Indicator], { description: 'Indicator progress of the mission you may see (UN_INTERNAL rows; empty for others). GENERATED demo data.' })
  async indicators(@Root() mission: Mission, @Ctx() ctx: MissionsContext): Promise<Indicator[]> {
    return (await ctx.loaders.indicatorsByMission.load(mission.id)) as Indicator[];
  }
}
