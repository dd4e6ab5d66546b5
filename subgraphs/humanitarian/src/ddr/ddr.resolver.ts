import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Classified, DataClass, disclose, PCodeScalar, suppressTable, type Access } from '@peacegraph/kit';
import { AdminArea, adminAreaStub } from '../admin-area/admin-area.type';
import type { HumanitarianContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { listDdrFigures } from './ddr.loaders';
import type { DdrFigureRow } from './ddr.table';
import { DdrFigures, DdrPeople } from './ddr.type';

type Stage = 'disarmed' | 'demobilized' | 'reintegrated';

const PARTS = ['femaleAdults', 'maleAdults', 'femaleChildren', 'maleChildren'] as const;

/**
 * One stage's counts through the disclosure control: callers without UN_INTERNAL for this
 * mission and area list none of the people behind them, so small parts are suppressed, with
 * complementary suppression against the served total; the breakdown is then withheld as a
 * whole (the part a reader would most want, children, is the one most often small).
 */
function people(row: DdrFigureRow, stage: Stage, access: Access): DdrPeople {
  const parts = {
    femaleAdults: row[`${stage}FemaleAdults`],
    maleAdults: row[`${stage}MaleAdults`],
    femaleChildren: row[`${stage}FemaleChildren`],
    maleChildren: row[`${stage}MaleChildren`],
  };
  const total = PARTS.reduce((s, k) => s + parts[k], 0);
  const cleared = access.allows(DataClass.UN_INTERNAL, { missionId: row.missionId, adminAreaPcode: row.adminAreaPcode });
  const cell = (key: string, n: number) => ({ key, total: n, visible: cleared ? n : 0 });
  const withheld = suppressTable([cell('total', total), ...PARTS.map((k) => cell(k, parts[k]))], [{ members: PARTS, total: 'total' }]);
  const breakdownWithheld = PARTS.some((k) => withheld.has(k));
  const part = (k: (typeof PARTS)[number]) => (breakdownWithheld ? null : parts[k]);
  return {
    total: disclose(total, withheld.has('total')).value,
    femaleAdults: part('femaleAdults'),
    maleAdults: part('maleAdults'),
    femaleChildren: part('femaleChildren'),
    maleChildren: part('maleChildren'),
    suppressed: breakdownWithheld || withheld.has('total'),
  };
}

@Resolver(() => DdrFigures)
export class DdrResolver {
  @Classified(DataClass.PUBLIC)
  @Query(() => [DdrFigures], { description: 'DDR programme figures (aggregates only) by mission, admin area and period.' })
  async ddrFigures(
    @Ctx() ctx: HumanitarianContext,
    @Arg('missionId', () => String, { nullable: true }) missionId?: string | null,
    @Arg('adminAreaPcode', () => PCodeScalar, { nullable: true }) adminAreaPcode?: string | null,
  ): Promise<DdrFigures[]> {
    return (await listDdrFigures(ctx.db, { missionId, adminAreaPcode })) as unknown as DdrFigures[];
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: DdrFigures): AdminArea {
    return adminAreaStub(row.adminAreaPcode);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => DdrPeople)
  disarmed(@Root() row: DdrFigures, @Ctx() ctx: HumanitarianContext): DdrPeople {
    return people(row as unknown as DdrFigureRow, 'disarmed', ctx.access);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => DdrPeople)
  demobilized(@Root() row: DdrFigures, @Ctx() ctx: HumanitarianContext): DdrPeople {
    return people(row as unknown as DdrFigureRow, 'demobilized', ctx.access);
  }

  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => DdrPeople)
  reintegrated(@Root() row: DdrFigures, @Ctx() ctx: HumanitarianContext): DdrPeople {
    return people(row as unknown as DdrFigureRow, 'reintegrated', ctx.access);
  }
}

@Resolver(() => Mission)
export class MissionDdrResolver {
  @Classified(DataClass.PUBLIC)
  @FieldResolver(() => [DdrFigures], { nullable: true, description: "DDR programme figures in the mission's area, by period (aggregates only)." })
  async ddrFigures(@Root() mission: Mission, @Ctx() ctx: HumanitarianContext): Promise<DdrFigures[]> {
    return (await ctx.loaders.ddrByMission.load(mission.id)) as unknown as DdrFigures[];
  }
}
