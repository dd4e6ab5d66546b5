import { and, asc, eq, gt, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { calendarDate, Classified, DataClass, PageInput, readPage, rowFilter, toPage } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import type { IncidentsContext } from '../loaders';
import { Mission } from '../mission/mission.type';
import { threatAssessments } from './threat-assessment.table';
import { ThreatAssessment, ThreatAssessmentFilterInput, ThreatAssessmentPage, ThreatLevel } from './threat-assessment.type';

const LEVELS = Object.values(ThreatLevel);

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
    const conditions: (SQL | undefined)[] = [
      // Row scope in SQL: the same rule shield applies to each field.
      rowFilter(ctx.access, ThreatAssessment, threatAssessments),
    ];
    if (filter?.missionId) conditions.push(eq(threatAssessments.missionId, filter.missionId.toUpperCase()));
    if (filter?.adminAreaPcode) conditions.push(like(threatAssessments.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
    if (filter?.onDate) conditions.push(lte(threatAssessments.periodStart, filter.onDate), gte(threatAssessments.periodEnd, filter.onDate));
    if (filter?.minLevel) conditions.push(inArray(threatAssessments.level, LEVELS.slice(LEVELS.indexOf(filter.minLevel))));
    if (after) conditions.push(gt(threatAssessments.id, after));
    const rows = await ctx.db
      .select()
      .from(threatAssessments)
      .where(and(...conditions))
      .orderBy(asc(threatAssessments.id))
      .limit(limit + 1);
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
