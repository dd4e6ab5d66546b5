import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { complianceOf, listTrainingRecords } from './training-record.loaders';
import { TrainingCompliance, TrainingRecord, TrainingRecordPage } from './training-record.type';

@Resolver(() => TrainingRecord)
export class TrainingRecordResolver {
  @Classified(DataClass.UN_INTERNAL)
  @Query(() => TrainingRecordPage, { nullable: true, description: 'Contingent training records within your agreements (UN_INTERNAL), in id order. GENERATED demo data.' })
  async trainingRecords(
    @Ctx() ctx: MissionsContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<TrainingRecordPage> {
    const { limit, after } = readPage(page);
    const rows = await listTrainingRecords(ctx.db, ctx.access, { missionId, year }, after, limit);
    return toPage(rows as TrainingRecord[], limit, (row) => row.id);
  }
}

@Resolver(() => Mission)
export class MissionTrainingResolver {
  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => TrainingCompliance, { nullable: true, description: 'Training compliance in a year (default: latest with records). UN_INTERNAL; GENERATED demo data.' })
  async trainingCompliance(
    @Root() mission: Mission,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<TrainingCompliance | null> {
    return complianceOf(mission.id, await ctx.loaders.trainingByMission.load({ missionId: mission.id, year: year ?? null }));
  }

  @Classified(DataClass.UN_INTERNAL)
  @FieldResolver(() => [TrainingRecord], { nullable: true, description: 'Per-contingent training records in a year (default: latest). UN_INTERNAL; GENERATED demo data.' })
  async trainingRecords(
    @Root() mission: Mission,
    @Ctx() ctx: MissionsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<TrainingRecord[]> {
    return (await ctx.loaders.trainingByMission.load({ missionId: mission.id, year: year ?? null })) as TrainingRecord[];
  }
}
