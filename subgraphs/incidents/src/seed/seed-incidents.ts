import type { Db } from '@peacegraph/kit';
import { MISSION_CATALOGUE } from '../../../../scripts/seed/reference/missions';
import { incidents } from '../incident/incident.table';
import { generateIncident, type GeneratedIncident } from './generate';
import { MISSION_PROFILES } from './profiles';

const ROWS_PER_INSERT = 300;

/** Every generated incident, for the active missions that have a profile, in a stable order. */
export function generatedIncidents(): GeneratedIncident[] {
  const active = new Set(MISSION_CATALOGUE.filter((m) => m.status === 'ACTIVE').map((m) => m.id));
  return MISSION_PROFILES.filter((p) => active.has(p.missionId)).flatMap((profile) =>
    Array.from({ length: profile.incidents }, (_, i) => generateIncident(profile, i + 1)),
  );
}

/**
 * Fills the incidents schema with generated, clearly labelled demo incidents (provenance
 * 'generated', tag 'generated-demo', summary prefixed "GENERATED DEMO DATA"). Idempotent:
 * the same ids every time, and existing rows are left alone (on conflict do nothing).
 */
export async function seedIncidents(db: Db): Promise<{ inserted: number }> {
  const generated = generatedIncidents();
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < generated.length; i += ROWS_PER_INSERT) {
      const chunk = generated.slice(i, i + ROWS_PER_INSERT);
      const rows = await tx
        .insert(incidents)
        .values(chunk.map((g) => g.row))
        .onConflictDoNothing({ target: incidents.id })
        .returning({ id: incidents.id });
      inserted += rows.length;
    }
  });
  return { inserted };
}
