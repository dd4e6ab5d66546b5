import { checkedScale, insertInBatches, MAX_SEED_SCALE, type BulkLoad, type Db } from '@peacegraph/kit';
import { MISSION_CATALOGUE } from '@peacegraph/reference';
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

export { MAX_SEED_SCALE };

/**
 * Every generated incident, for the active missions that have a profile, in a stable order.
 * `scale` (benchmarks' --scale) multiplies each mission's count: incidents 1…n of ×1 stay the
 * same rows, the extra ones follow with the same recipe, so the profiles' skew (a few missions
 * and weighted towns hold most events) holds at every size.
 */
export function generatedIncidents(scale = 1): GeneratedIncident[] {
  checkedScale(scale);
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
 * `load` (seedAll passes COPY on PostgreSQL for scaled seeds) replaces the multi-row INSERTs.
 */
export async function seedIncidents(db: Db, options: { scale?: number; load?: BulkLoad } = {}): Promise<{ inserted: number }> {
  const scale = options.scale ?? 1;
  const generated = generatedIncidents(scale);
  // A loader of its own (COPY, for the scaled benchmark seeds) commits per table chunk; the
  // default sends multi-row INSERTs in one transaction, as every ×1 seed always has.
  if (options.load) return { inserted: await fill(options.load, generated, scale) };
  return { inserted: await db.transaction((tx) => fill(insertInBatches(tx, ROWS_PER_INSERT), generated, scale)) };
}

async function fill(load: BulkLoad, generated: GeneratedIncident[], scale: number): Promise<number> {
  let inserted = 0;
  // A chunk's incidents, then their records: at ×100 all records at once held over a million rows in memory.
  for (let at = 0; at < generated.length; at += INCIDENTS_PER_CHUNK) {
    const chunk = generated.slice(at, at + INCIDENTS_PER_CHUNK);
    const records = chunk.map(generateRecords);
    inserted += await load(incidents, chunk.map((g) => g.row));
    inserted += await load(incidentActors, records.flatMap((r) => r.actors));
    inserted += await load(casualtyCounts, records.flatMap((r) => r.casualties));
    inserted += await load(victims, records.flatMap((r) => r.victims));
    inserted += await load(sourceReports, records.flatMap((r) => r.sources));
    inserted += await load(perpetratorAttributions, records.flatMap((r) => r.perpetrators));
    inserted += await load(verificationTransitions, records.flatMap((r) => r.transitions));
  }
  // Levels from the ×1 incidents: a scaled benchmark database keeps the same threat picture.
  inserted += await load(threatAssessments, generateThreatAssessments(scale === 1 ? generated : generatedIncidents(1)));
  inserted += await load(seaAllegations, seededProfiles().flatMap(generateSeaAllegations));
  return inserted;
}
