import { createHash } from 'node:crypto';
import type { NewAccessConstraintRow } from '../access-constraint/access-constraint.table';
import { AccessConstraintType } from '../access-constraint/access-constraint.type';
import { admin1Of, AREAS, missionForArea } from '../places';

/**
 * GENERATED DEMO ACCESS CONSTRAINTS — illustrative, not OCHA access monitoring reports.
 * Deterministic (hashes of the id). Some MINUSCA rows point at generated incidents
 * (INC-MINUSCA-G00001…G00420 exist in the incidents subgraph's demo seed); the link shows
 * the federation reference, the two demo records are not meant to describe one event.
 */
const COUNTRIES = ['CAF', 'COD', 'SSD'];
const PER_COUNTRY = 40;
const TYPES = Object.values(AccessConstraintType);
const IMPACTS = ['MINOR', 'MODERATE', 'SEVERE'];
const REPORTERS = ['ocha', 'nrc', 'wfp', 'unicef', 'irc'];

function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

function pick<T>(items: readonly T[], seed: string): T {
  return items[Math.floor(unit(seed) * items.length)]!;
}

export function demoAccessConstraintRows(): NewAccessConstraintRow[] {
  const rows: NewAccessConstraintRow[] = [];
  for (const countryIso3 of COUNTRIES) {
    const areas = AREAS.filter((a) => a.countryIso3 === countryIso3);
    for (let n = 1; n <= PER_COUNTRY; n++) {
      const id = `demo-access-${countryIso3}-${String(n).padStart(3, '0')}`.toLowerCase();
      const area = pick(areas, `${id}|area`);
      const missionId = missionForArea(area);
      const day = Math.floor(unit(`${id}|day`) * 365);
      const occurredOn = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const constraintType = pick(TYPES, `${id}|type`);
      const linked = missionId === 'MINUSCA' && unit(`${id}|incident`) < 0.4;
      rows.push({
        id,
        constraintType,
        adminAreaPcode: area.pcode,
        admin1Pcode: admin1Of(area),
        adminLevel: area.level,
        countryIso3,
        missionId,
        occurredOn,
        impact: pick(IMPACTS, `${id}|impact`),
        description: `Generated demo constraint (${constraintType.toLowerCase().replace(/_/g, ' ')}) near ${area.name}.`,
        latitude: Math.round((area.centroidLatitude + (unit(`${id}|lat`) - 0.5) * 0.4) * 10_000) / 10_000,
        longitude: Math.round((area.centroidLongitude + (unit(`${id}|lon`) - 0.5) * 0.4) * 10_000) / 10_000,
        incidentId: linked ? `INC-MINUSCA-G${String(1 + Math.floor(unit(`${id}|inc`) * 420)).padStart(5, '0')}` : null,
        reportingOrganizationId: pick(REPORTERS, `${id}|org`),
        source: 'generated',
      });
    }
  }
  return rows;
}
