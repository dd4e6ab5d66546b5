import type { AdminAreaReference } from '@peacegraph/reference';
import { checkedScale, unitOf, WeightedDraw } from '@peacegraph/kit';
// Seed-time only: the incidents generator's towns say where its events concentrate.
import { MISSION_PROFILES } from '../../../incidents/src/seed/profiles';
import type { NewAccessConstraintRow } from '../access-constraint/access-constraint.table';
import type { NewDisplacementRow } from '../displacement/displacement.table';
import type { NewOperationalPresenceRow } from '../operational-presence/operational-presence.table';
import { AREAS } from '../places';
import { countriesOf, demoPresenceRows, presenceRow, PRESENCE_ORGANIZATIONS, PRESENCE_PERIODS } from './demo-3w';
import { demoAccessConstraintRows, scaledAccessConstraintRows } from './demo-access-constraints';
import { scaledDisplacementRows } from './demo-displacement';

/**
 * The rows a scaled benchmark seed (`--scale=N`, issue 19) adds to the ×1 demo rows, so that
 * each table holds N× its ×1 rows. Skewed like the incidents they answer to: areas are ranked
 * by the incident profiles' expected events (the rest in a stable hashed order) and drawn with
 * Zipf weights, so the busiest areas — and so the busiest missions — hold most rows;
 * organisations too are drawn with Zipf weights (a few large agencies hold most 3W rows).
 * Displacement is per area and round, not per event: every area gets N× its rounds.
 * Ids carry `-scale-` (3W, constraints) or a round above 4 (displacement); the ×1 rows are untouched.
 */
export interface ScaledHumanitarianRows {
  presence: NewOperationalPresenceRow[];
  accessConstraints: NewAccessConstraintRow[];
  displacement: NewDisplacementRow[];
}

const COUNTRIES = ['CAF', 'COD', 'SSD'];

export function scaledHumanitarianRows(scale: number): ScaledHumanitarianRows {
  if (checkedScale(scale) === 1) return { presence: [], accessConstraints: [], displacement: [] };
  const areaDraw = WeightedDraw.zipf(areasBusiestFirst());
  const areaFor = (id: string) => areaDraw.draw(unitOf(`${id}|area`));
  return {
    presence: scaledPresenceRows(demoPresenceRows().length * (scale - 1), areaFor),
    accessConstraints: scaledAccessConstraintRows(demoAccessConstraintRows().length * (scale - 1), scale, areaFor),
    displacement: scaledDisplacementRows(scale),
  };
}

/** The mission countries' areas, busiest first by the incidents generator's town weights. */
export function areasBusiestFirst(): AdminAreaReference[] {
  const expected = new Map<string, number>();
  for (const profile of MISSION_PROFILES) {
    const total = profile.towns.reduce((sum, t) => sum + t.weight, 0);
    for (const town of profile.towns) expected.set(town.pcode, (expected.get(town.pcode) ?? 0) + (profile.incidents * town.weight) / total);
  }
  return AREAS.filter((a) => COUNTRIES.includes(a.countryIso3)).sort(
    (a, b) => (expected.get(b.pcode) ?? 0) - (expected.get(a.pcode) ?? 0) || unitOf(`rank|${a.pcode}`) - unitOf(`rank|${b.pcode}`),
  );
}

function scaledPresenceRows(count: number, areaFor: (id: string) => AdminAreaReference): NewOperationalPresenceRow[] {
  const organizationsIn = new Map(COUNTRIES.map((c) => [c, WeightedDraw.zipf(PRESENCE_ORGANIZATIONS.filter((o) => countriesOf(o.organizationId).includes(c)))]));
  return Array.from({ length: count }, (_, i) => {
    const id = `demo-3w-scale-${String(i + 1).padStart(7, '0')}`;
    const area = areaFor(id);
    const { organizationId, clusters } = organizationsIn.get(area.countryIso3)!.draw(unitOf(`${id}|org`));
    const cluster = clusters[Math.floor(unitOf(`${id}|cluster`) * clusters.length)]!;
    const period = PRESENCE_PERIODS[Math.floor(unitOf(`${id}|period`) * PRESENCE_PERIODS.length)]!;
    return presenceRow(id, organizationId, cluster, area, period);
  });
}
