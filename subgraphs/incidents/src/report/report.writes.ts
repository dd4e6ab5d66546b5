import type { Db } from '@peacegraph/kit';
import { incidentActors } from '../actor/actor.table';
import { casualtyCounts } from '../casualty/casualty.table';
import { incidents, type IncidentRow, type NewIncidentRow } from '../incident/incident.table';
import { perpetratorAttributions } from '../perpetrator/perpetrator.table';
import { victims } from '../victim/victim.table';

/** A reported incident with the records that come with it, as rows to insert. */
export interface IncidentReportRows {
  incident: NewIncidentRow;
  actors: (typeof incidentActors.$inferInsert)[];
  casualties: (typeof casualtyCounts.$inferInsert)[];
  victims: (typeof victims.$inferInsert)[];
  perpetrators: (typeof perpetratorAttributions.$inferInsert)[];
}

/**
 * The incident first, then its records (an empty list writes nothing). Returns the incident as
 * stored: only AFTER triggers (outbox, rollup) act on the table, so it is what a read-back gives.
 */
export async function insertIncidentReport(tx: Db, report: IncidentReportRows): Promise<IncidentRow> {
  const [stored] = await tx.insert(incidents).values(report.incident).returning();
  if (report.actors.length) await tx.insert(incidentActors).values(report.actors);
  if (report.casualties.length) await tx.insert(casualtyCounts).values(report.casualties);
  if (report.victims.length) await tx.insert(victims).values(report.victims);
  if (report.perpetrators.length) await tx.insert(perpetratorAttributions).values(report.perpetrators);
  return stored!;
}
