import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@peacegraph/kit';
import { MISSION_CATALOGUE } from '../../../../scripts/seed/reference/missions';
import { incidentActors } from '../actor/actor.table';
import { casualtyCounts } from '../casualty/casualty.table';
import { incidents } from '../incident/incident.table';
import { perpetratorAttributions } from '../perpetrator/perpetrator.table';
import { seaAllegations } from '../sea-allegation/sea-allegation.table';
import { sourceReports } from '../source-report/source-report.table';
import { threatAssessments } from '../threat-assessment/threat-assessment.table';
import { verificationTransitions } from '../verification/verification.table';
import { victims } from '../victim/victim.table';
import { generateIncident, type GeneratedIncident } from './generate';
import { generateRecords, generateSeaAllegations, generateThreatAssessments } from './generate-records';
import { MISSION_PROFILES } from './profiles';

/** Rows per INSERT: well under Postgres' 65 535 parameters for the widest table. */
const ROWS_PER_INSERT = 500;

function seededProfiles() {
  const active = new Set(MISSION_CATALOGUE.filter((m) => m.status === 'ACTIVE').map((m) => m.id));
  return MISSION_PROFILES.filter((p) => active.has(p.missionId));
}

/** Every generated incident, for the active missions that have a profile, in a stable order. */
export function generatedIncidents(): GeneratedIncident[] {
  return seededProfiles().flatMap((profile) => Array.from({ length: profile.incidents }, (_, i) => generateIncident(profile, i + 1)));
}

/**
 * Fills the incidents schema with generated, clearly labelled demo data (provenance
 * 'generated', tag 'generated-demo', texts prefixed "GENERATED DEMO DATA"): incidents and
 * their actors, casualties, victims, sources, attributions and verification history;
 * threat assessments; SEA allegations. Idempotent: the same ids every time, and existing
 * rows are left alone (on conflict do nothing). Returns how many rows it added.
 */
export async function seedIncidents(db: Db): Promise<{ inserted: number }> {
  const generated = generatedIncidents();
  const records = generated.map(generateRecords);
  const tables: [PgTable, object[]][] = [
    [incidents, generated.map((g) => g.row)],
    [incidentActors, records.flatMap((r) => r.actors)],
    [casualtyCounts, records.flatMap((r) => r.casualties)],
    [victims, records.flatMap((r) => r.victims)],
    [sourceReports, records.flatMap((r) => r.sources)],
    [perpetratorAttributions, records.flatMap((r) => r.perpetrators)],
    [verificationTransitions, records.flatMap((r) => r.transitions)],
    [threatAssessments, generateThreatAssessments(generated)],
    [seaAllegations, seededProfiles().flatMap(generateSeaAllegations)],
  ];
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (const [table, rows] of tables) {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const result = await tx
          .insert(table)
          .values(rows.slice(i, i + ROWS_PER_INSERT) as never[])
          .onConflictDoNothing()
          // Only the count is needed: reading whole rows back cost a tenth of a cold start's seed.
          .returning({ added: sql<number>`1` });
        inserted += result.length;
      }
    }
  });
  return { inserted };
}
