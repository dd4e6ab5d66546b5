import { eq, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { threatAssessments, type ThreatAssessmentRow } from './threat-assessment.table';
import { ThreatAssessment, ThreatLevel, type ThreatAssessmentFilterInput } from './threat-assessment.type';

const LEVELS = Object.values(ThreatLevel);

/** A page of the threat assessments the caller may see (SQL-scoped), by id. */
export function listThreatAssessments(db: Db, access: Access, filter: ThreatAssessmentFilterInput | null | undefined, after: string | null, limit: number): Promise<ThreatAssessmentRow[]> {
  const conditions: (SQL | undefined)[] = [rowFilter(access, ThreatAssessment, threatAssessments)];
  if (filter?.missionId) conditions.push(eq(threatAssessments.missionId, filter.missionId.toUpperCase()));
  if (filter?.adminAreaPcode) conditions.push(like(threatAssessments.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter?.onDate) conditions.push(lte(threatAssessments.periodStart, filter.onDate), gte(threatAssessments.periodEnd, filter.onDate));
  if (filter?.minLevel) conditions.push(inArray(threatAssessments.level, LEVELS.slice(LEVELS.indexOf(filter.minLevel))));
  return pageInIdOrder(db, threatAssessments, conditions, after, limit);
}
