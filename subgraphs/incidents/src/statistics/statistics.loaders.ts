import { and, asc, count, eq, gte, like, lte, ne, sql, sum, type SQL } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { incidents } from '../incident/incident.table';
import { IncidentLocalType } from '../taxonomy/taxonomy';
import type { IncidentStatisticsFilterInput } from './statistics.type';

const month = sql<string>`to_char(${incidents.eventDate}, 'YYYY-MM')`;

export interface IncidentStatisticRow {
  missionId: string;
  adminAreaPcode: string;
  month: string;
  eventType: string;
  events: number;
  fatalities: number;
}

/**
 * Incidents grouped by mission × area × month × event type in one statement. Not row-scoped:
 * aggregates are what the public tier gets; small counts are suppressed by the resolver.
 */
export async function incidentStatistics(db: Db, filter: IncidentStatisticsFilterInput): Promise<IncidentStatisticRow[]> {
  const area = filter.adminLevel === 1 ? incidents.admin1Pcode : incidents.adminAreaPcode;
  const conditions: SQL[] = [];
  if (!filter.includeRefuted) conditions.push(ne(incidents.verificationStatus, 'REFUTED'));
  if (filter.missionId) conditions.push(eq(incidents.missionId, filter.missionId.toUpperCase()));
  if (filter.adminAreaPcode) conditions.push(like(incidents.adminAreaPcode, `${filter.adminAreaPcode.toUpperCase()}%`));
  if (filter.fromMonth) conditions.push(gte(incidents.eventDate, `${filter.fromMonth}-01`));
  if (filter.toMonth) conditions.push(lte(month, filter.toMonth));
  if (filter.eventType) conditions.push(eq(incidents.eventType, filter.eventType));
  const rows = await db
    .select({
      missionId: incidents.missionId,
      adminAreaPcode: area,
      month,
      eventType: incidents.eventType,
      events: count(),
      fatalities: sum(incidents.fatalities).mapWith(Number),
    })
    .from(incidents)
    .where(and(...conditions))
    .groupBy(incidents.missionId, area, month, incidents.eventType)
    .orderBy(asc(incidents.missionId), asc(area), asc(month), asc(incidents.eventType));
  return rows;
}

export interface CeasefireViolationRow {
  missionId: string;
  agreement: string;
  month: string;
  violations: number;
  fatalities: number;
}

/** Ceasefire violations per mission × agreement × month, one statement. */
export function ceasefireViolations(db: Db, missionId?: string | null, agreement?: string | null): Promise<CeasefireViolationRow[]> {
  const conditions: SQL[] = [eq(incidents.localType, IncidentLocalType.CEASEFIRE_VIOLATION), ne(incidents.verificationStatus, 'REFUTED')];
  if (missionId) conditions.push(eq(incidents.missionId, missionId.toUpperCase()));
  if (agreement) conditions.push(eq(incidents.violatedAgreement, agreement));
  const agreementColumn = sql<string>`coalesce(${incidents.violatedAgreement}, '')`;
  return db
    .select({
      missionId: incidents.missionId,
      agreement: agreementColumn,
      month,
      violations: count(),
      fatalities: sum(incidents.fatalities).mapWith(Number),
    })
    .from(incidents)
    .where(and(...conditions))
    .groupBy(incidents.missionId, agreementColumn, month)
    .orderBy(asc(incidents.missionId), asc(agreementColumn), asc(month));
}
