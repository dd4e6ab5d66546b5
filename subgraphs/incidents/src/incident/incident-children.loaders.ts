import DataLoader from 'dataloader';
import { and, asc, inArray, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { DataClass, type Access, type Db } from '@peacegraph/kit';
import { incidentActors } from '../actor/actor.table';
import { ACTOR_TYPES_BY_INTER, type IncidentActor } from '../actor/actor.type';
import { casualtyCounts } from '../casualty/casualty.table';
import type { CasualtyCount } from '../casualty/casualty.type';
import { perpetratorAttributions } from '../perpetrator/perpetrator.table';
import type { PerpetratorAttribution } from '../perpetrator/perpetrator.type';
import { sourceReports } from '../source-report/source-report.table';
import type { SourceReport } from '../source-report/source-report.type';
import { verificationTransitions } from '../verification/verification.table';
import type { VerificationTransition } from '../verification/verification.type';
import { victims } from '../victim/victim.table';
import type { Victim } from '../victim/victim.type';

/**
 * Rows of a child table for many incidents in one statement, grouped back per incident.
 * `scope` is the SQL row scope of the table's class (restricted children are filtered in
 * the database as well as by the field rule above them).
 */
function rowsByIncident<Row extends { incidentId: string }, Out>(
  db: Db,
  table: PgTable & { incidentId: AnyColumn },
  order: AnyColumn[],
  scope: SQL | undefined,
  map: (row: Row) => Out,
) {
  return new DataLoader<string, Out[]>(async (ids) => {
    const rows = (await db
      .select()
      .from(table)
      .where(and(inArray(table.incidentId, [...ids]), scope))
      .orderBy(...order.map((c) => asc(c)))) as unknown as Row[];
    const byIncident = new Map<string, Out[]>();
    for (const row of rows) byIncident.set(row.incidentId, [...(byIncident.get(row.incidentId) ?? []), map(row)]);
    return ids.map((id) => byIncident.get(id) ?? []);
  });
}

/** ACLED actors per incident, by position. */
export function actorsByIncidentLoader(db: Db) {
  return rowsByIncident(db, incidentActors, [incidentActors.incidentId, incidentActors.position], undefined, (r: typeof incidentActors.$inferSelect): IncidentActor => ({
    name: r.name,
    side: r.side,
    interCode: r.interCode,
    actorType: ACTOR_TYPES_BY_INTER[r.interCode - 1]!,
  }));
}

/** Casualty counts per incident. */
export function casualtiesByIncidentLoader(db: Db) {
  return rowsByIncident(
    db,
    casualtyCounts,
    [casualtyCounts.incidentId, casualtyCounts.casualtyGroup, casualtyCounts.outcome],
    undefined,
    (r: typeof casualtyCounts.$inferSelect) => ({ ...r, group: r.casualtyGroup }) as unknown as CasualtyCount,
  );
}

/** Victims per incident, only rows inside the caller's VICTIM_IDENTITY scope. */
export function victimsByIncidentLoader(db: Db, access: Access) {
  return rowsByIncident(
    db,
    victims,
    [victims.incidentId, victims.id],
    access.sqlScope(DataClass.VICTIM_IDENTITY, { mission: victims.missionId, area: victims.adminAreaPcode }),
    (r: typeof victims.$inferSelect) => ({ ...r, group: r.casualtyGroup }) as unknown as Victim,
  );
}

/** Source reports per incident, only rows inside the caller's SOURCE_IDENTITY scope. */
export function sourcesByIncidentLoader(db: Db, access: Access) {
  return rowsByIncident(
    db,
    sourceReports,
    [sourceReports.incidentId, sourceReports.receivedAt, sourceReports.id],
    access.sqlScope(DataClass.SOURCE_IDENTITY, { mission: sourceReports.missionId, area: sourceReports.adminAreaPcode }),
    toSourceReport,
  );
}

export function toSourceReport(r: typeof sourceReports.$inferSelect): SourceReport {
  return { ...r, receivedAt: r.receivedAt.toISOString() } as unknown as SourceReport;
}

/** Perpetrator attributions per incident, only rows inside the caller's PERPETRATOR_IDENTITY scope. */
export function perpetratorsByIncidentLoader(db: Db, access: Access) {
  return rowsByIncident(
    db,
    perpetratorAttributions,
    [perpetratorAttributions.incidentId, perpetratorAttributions.id],
    access.sqlScope(DataClass.PERPETRATOR_IDENTITY, { mission: perpetratorAttributions.missionId, area: perpetratorAttributions.adminAreaPcode }),
    (r: typeof perpetratorAttributions.$inferSelect) => r as unknown as PerpetratorAttribution,
  );
}

/** Verification history per incident, oldest first. */
export function verificationHistoryByIncidentLoader(db: Db) {
  return rowsByIncident(
    db,
    verificationTransitions,
    [verificationTransitions.incidentId, verificationTransitions.version],
    undefined,
    (r: typeof verificationTransitions.$inferSelect) => ({ ...r, at: r.at.toISOString() }) as unknown as VerificationTransition,
  );
}
