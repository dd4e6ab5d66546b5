import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { calendarDate, Classified, DataClass, PageInput, readPage, toPage } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import type { IncidentsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { listThreatAssessments } from './threat-assessment.loaders';
import { ThreatAssessment, ThreatAssessmentFilterInput, ThreatAssessmentPage } from './threat-assessment.type';

@Resolver(() => ThreatAssessment)
export class ThreatAssessmentResolver {
  @Classified(DataClass.PARTNER)
  @Query(() => ThreatAssessmentPage, { description: 'Threat assessments within your agreements, by id (area, then period).' })
  async threatAssessments(
    @Ctx() ctx: IncidentsContext,
    @Arg('filter', () => ThreatAssessmentFilterInput, { nullable: true }) filter?: ThreatAssessmentFilterInput | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ): Promise<ThreatAssessmentPage> {
    const { limit, after } = readPage(page);
    if (filter?.onDate) calendarDate('filter.onDate', filter.onDate);
    const rows = await listThreatAssessments(ctx.db, ctx.access, filter, after, limit);
    return toPage(rows as ThreatAssessment[], limit, (r) => r.id);
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => Mission)
  mission(@Root() row: ThreatAssessment): Mission {
    return { id: row.missionId };
  }

  @Classified(DataClass.PARTNER)
  @FieldResolver(() => AdminArea)
  adminArea(@Root() row: ThreatAssessment): AdminArea {
    return { pcode: row.adminAreaPcode };
  }
}
