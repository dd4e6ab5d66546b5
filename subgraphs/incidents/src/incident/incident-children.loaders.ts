import DataLoader from 'dataloader';
import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { anyOf, DataClass, groupBy, prepared, rowFilter, shapeOf, type Access, type Db } from '@peacegraph/kit';
import { incidentActors } from '../actor/actor.table';
import { ACTOR_TYPES_BY_INTER, type IncidentActor } from '../actor/actor.type';
import { casualtyCounts } from '../casualty/casualty.table';
import type { CasualtyCount } from '../casualty/casualty.type';
import { perpetratorAttributions } from '../perpetrator/perpetrator.table';
import { PerpetratorAttribution } from '../perpetrator/perpetrator.type';
import { sourceReports } from '../source-report/source-report.table';
import { SourceReport } from '../source-report/source-report.type';
import { verificationTransitions } from '../verification/verification.table';
import type { VerificationTransition } from '../verification/verification.type';
import { victims } from '../victim/victim.table';
import { Victim } from '../victim/victim.type';

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
  const shape = `incidents.rowsByIncident:${getTableConfig(table).name}:${shapeOf(scope)}`;
  return new DataLoader<string, Out[]>(async (ids) => {
    const rows = (await prepared(db, shape, () =>
      db
        .select()
        .from(table)
        .where(and(anyOf(table.incidentId, 'ids'), scope))
        .orderBy(...order.map((c) => asc(c))),
    ).execute({ ids })) as unknown as Row[];
    const byIncident = groupBy(rows, (row) => row.incidentId);
    return ids.map((id) => byIncident.get(id)?.map(map) ?? []);
  });
}

/** What an actor name that names an attributed individual is served as, to callers without PERPETRATOR_IDENTITY. */
export const WITHHELD_ACTOR_NAME = 'Withheld (names an attributed individual)';

/**
 * ACLED actors per incident, by position. Linkage: ACLED actors are groups, but a reporter
 * may write a person's name as an actor; when that name is one a perpetrator attribution of
 * the same incident names as `identifiedAs` (PERPETRATOR_IDENTITY), a caller without that
 * class for the incident gets the name withheld, not the person.
 */
export function actorsByIncidentLoader(db: Db, access: Access) {
  return new DataLoader<string, IncidentActor[]>(async (ids) => {
    const p = perpetratorAttributions;
    const rows = await prepared(db, 'incidents.actorsByIncident', () =>
      db
        .select({ actor: incidentActors, perpetratorMission: p.missionId, perpetratorArea: p.adminAreaPcode })
        .from(incidentActors)
        .leftJoin(p, and(eq(p.incidentId, incidentActors.incidentId), sql`lower(btrim(${p.identifiedAs})) = lower(btrim(${incidentActors.name}))`))
        .where(anyOf(incidentActors.incidentId, 'ids'))
        .orderBy(asc(incidentActors.incidentId), asc(incidentActors.position)),
    ).execute({ ids });
    const byIncident = new Map<string, IncidentActor[]>();
    const seen = new Set<string>();
    for (const { actor, perpetratorMission, perpetratorArea } of rows) {
      const key = `${actor.incidentId}|${actor.position}`;
      const list = byIncident.get(actor.incidentId) ?? [];
      const namesIndividual = perpetratorMission !== null;
      const withheld = namesIndividual && !access.allows(DataClass.PERPETRATOR_IDENTITY, { missionId: perpetratorMission, adminAreaPcode: perpetratorArea });
      if (withheld) access.recordCoarsened(DataClass.PERPETRATOR_IDENTITY, { entityType: 'Incident', entityId: actor.incidentId, field: 'actors.name' });
      if (seen.has(key)) {
        if (withheld) list[list.length - 1]!.name = WITHHELD_ACTOR_NAME;
        continue;
      }
      seen.add(key);
      list.push({ name: withheld ? WITHHELD_ACTOR_NAME : actor.name, side: actor.side, interCode: actor.interCode, actorType: ACTOR_TYPES_BY_INTER[actor.interCode - 1]! });
      byIncident.set(actor.incidentId, list);
    }
    return ids.map((id) => byIncident.get(id) ?? []);
  });
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
    rowFilter(access, Victim, victims),
    (r: typeof victims.$inferSelect) => ({ ...r, group: r.casualtyGroup }) as unknown as Victim,
  );
}

/** Source reports per incident, only rows inside the caller's SOURCE_IDENTITY scope. */
export function sourcesByIncidentLoader(db: Db, access: Access) {
  return rowsByIncident(
    db,
    sourceReports,
    [sourceReports.incidentId, sourceReports.receivedAt, sourceReports.id],
    rowFilter(access, SourceReport, sourceReports),
    toSourceReport,
  );
}

/** One source report by id, unscoped and uncached: a write reads back the row it has just written. */
export async function sourceReportRowById(db: Db, id: string): Promise<typeof sourceReports.$inferSelect | null> {
  const [row] = await db.select().from(sourceReports).where(eq(sourceReports.id, id));
  return row ?? null;
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
    rowFilter(access, PerpetratorAttribution, perpetratorAttributions),
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
