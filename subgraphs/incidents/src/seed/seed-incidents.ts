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
/** Incidents whose records are generated and inserted together (×1 is one chunk). */
const INCIDENTS_PER_CHUNK = 10_000;

function seededProfiles() {
  const active = new Set(MISSION_CATALOGUE.filter((m) => m.status === 'ACTIVE').map((m) => m.id));
  return MISSION_PROFILES.filter((p) => active.has(p.missionId));
}

/** The largest data scale factor the seed accepts (×1000 of the incidents is ~1.3 million rows). */
export const MAX_SEED_SCALE = 1000;

/**
 * Every generated incident, for the active missions that have a profile, in a stable order.
 * `scale` (benchmarks' --scale) multiplies each mission's count: incidents 1…n of ×1 stay the
 * same rows, the extra ones follow with the same recipe, so the profiles' skew (a few missions
 * and weighted towns hold most events) holds at every size.
 */
export function generatedIncidents(scale = 1): GeneratedIncident[] {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SEED_SCALE) {
    throw new RangeError(`seed scale must be a whole number from 1 to ${MAX_SEED_SCALE}, got ${scale}`);
  }
  return seededProfiles().flatMap((profile) => Array.from({ length: profile.incidents * scale }, (_, i) => generateIncident(profile, i + 1)));
}

/**
 * Fills the incidents schema with generated, clearly labelled demo data (provenance
 * 'generated', tag 'generated-demo', texts prefixed "GENERATED DEMO DATA"): incidents and
 * their actors, casualties, victims, sources, attributions and verification history;
 * threat assessments; SEA allegations. Idempotent: the same ids every time, and existing
 * rows are left alone (on conflict do nothing). Returns how many rows it added. With
 * `scale` > 1 (benchmarks only) every incident-keyed table grows by that factor; SEA
 * allegations and threat assessments stay at ×1 (they are per mission, not per event).
 */
export async function seedIncidents(db: Db, options: { scale?: number } = {}): Promise<{ inserted: number }> {
  const scale = options.scale ?? 1;
  const generated = generatedIncidents(scale);
  let inserted = 0;
  await db.transaction(async (tx) => {
    const insertAll = async (table: PgTable, rows: object[]) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const result = await tx
          .insert(table)
          .values(rows.slice(i, i + ROWS_PER_INSERT) as never[])
          .onConflictDoNothing()
          // Only the count is needed: reading whole rows back cost a tenth of a cold start's seed.
          .returning({ added: sql<number>`1` });
        inserted += result.length;
      }
    };
    // A chunk's incidents, then their records: at ×100 all records at once held over a million rows in memory.
    for (let at = 0; at < generated.length; at += INCIDENTS_PER_CHUNK) {
      const chunk = generated.slice(at, at + INCIDENTS_PER_CHUNK);
      const records = chunk.map(generateRecords);
      await insertAll(incidents, chunk.map((g) => g.row));
      await insertAll(incidentActors, records.flatMap((r) => r.actors));
      await insertAll(casualtyCounts, records.flatMap((r) => r.casualties));
      await insertAll(victims, records.flatMap((r) => r.victims));
      await insertAll(sourceReports, records.flatMap((r) => r.sources));
      await insertAll(perpetratorAttributions, records.flatMap((r) => r.perpetrators));
      await insertAll(verificationTransitions, records.flatMap((r) => r.transitions));
    }
    // Levels from the ×1 incidents: a scaled benchmark database keeps the same threat picture.
    await insertAll(threatAssessments, generateThreatAssessments(scale === 1 ? generated : generatedIncidents(1)));
    await insertAll(seaAllegations, seededProfiles().flatMap(generateSeaAllegations));
  });
  return { inserted };
}
