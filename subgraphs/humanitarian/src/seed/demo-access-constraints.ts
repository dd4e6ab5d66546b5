import { createHash } from 'node:crypto';
import type { NewAccessConstraintRow } from '../access-constraint/access-constraint.table';
import { AccessConstraintType } from '../access-constraint/access-constraint.type';
import { admin1Of, AREAS, catalogueArea, missionForArea } from '../places';
// Seed-time only: the incidents subgraph's deterministic generator says where and when its
// demo incidents happened, so a constraint linked to one sits in the same area and date.
import { generateIncident } from '../../../incidents/src/seed/generate';
import { MISSION_PROFILES, type MissionProfile } from '../../../incidents/src/seed/profiles';
import type { AdminAreaReference } from '@peacegraph/reference';

/**
 * GENERATED DEMO ACCESS CONSTRAINTS — illustrative, not OCHA access monitoring reports.
 * Deterministic (hashes of the id). Some MINUSCA rows are caused by one of the incidents
 * subgraph's generated incidents: they take its area, date and point.
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

const CAUSED_BY_INCIDENT = [
  AccessConstraintType.VIOLENCE_AGAINST_PERSONNEL_OR_ASSETS,
  AccessConstraintType.MILITARY_OPERATIONS_AND_HOSTILITIES,
  AccessConstraintType.RESTRICTION_OF_MOVEMENT,
];

/** For about 40% of MINUSCA's demo constraints: one of the incidents subgraph's generated incidents (1…`incidents`). */
function linkedIncident(countryIso3: string, id: string, incidents: (profile: MissionProfile) => number = (p) => p.incidents) {
  const profile = MISSION_PROFILES.find((p) => p.missionId === 'MINUSCA');
  if (countryIso3 !== 'CAF' || !profile || unit(`${id}|incident`) >= 0.4) return null;
  const { row } = generateIncident(profile, 1 + Math.floor(unit(`${id}|inc`) * incidents(profile)));
  return { id: row.id, adminAreaPcode: row.adminAreaPcode, eventDate: row.eventDate, latitude: row.latitude, longitude: row.longitude };
}

export function demoAccessConstraintRows(): NewAccessConstraintRow[] {
  const rows: NewAccessConstraintRow[] = [];
  for (const countryIso3 of COUNTRIES) {
    const areas = AREAS.filter((a) => a.countryIso3 === countryIso3);
    for (let n = 1; n <= PER_COUNTRY; n++) {
      const id = `demo-access-${countryIso3}-${String(n).padStart(3, '0')}`.toLowerCase();
      rows.push(constraintRow(id, pick(areas, `${id}|area`), linkedIncident(countryIso3, id)));
    }
  }
  return rows;
}

/**
 * The generated constraints of a scaled benchmark seed: `count` more, each in `areaFor(id)`'s
 * area (the caller's skew), MINUSCA's again linked to its generated incidents up to `scale`×.
 */
export function scaledAccessConstraintRows(count: number, scale: number, areaFor: (id: string) => AdminAreaReference): NewAccessConstraintRow[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `demo-access-scale-${String(i + 1).padStart(7, '0')}`;
    const area = areaFor(id);
    return constraintRow(id, area, linkedIncident(area.countryIso3, id, (p) => p.incidents * scale));
  });
}

/** One generated constraint: in the linked incident's area, date and point when it has one, else in `fallbackArea`. */
function constraintRow(id: string, fallbackArea: AdminAreaReference, incident: ReturnType<typeof linkedIncident>): NewAccessConstraintRow {
  const area = (incident && catalogueArea(incident.adminAreaPcode)) || fallbackArea;
  const day = Math.floor(unit(`${id}|day`) * 365);
  const occurredOn = incident?.eventDate ?? new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const constraintType = incident ? pick(CAUSED_BY_INCIDENT, `${id}|type`) : pick(TYPES, `${id}|type`);
  return {
    id,
    constraintType,
    adminAreaPcode: area.pcode,
    admin1Pcode: admin1Of(area),
    adminLevel: area.level,
    countryIso3: area.countryIso3,
    missionId: missionForArea(area),
    occurredOn,
    impact: pick(IMPACTS, `${id}|impact`),
    description: `Generated demo constraint (${constraintType.toLowerCase().replace(/_/g, ' ')}) near ${area.name}.`,
    latitude: incident?.latitude ?? Math.round((area.centroidLatitude + (unit(`${id}|lat`) - 0.5) * 0.4) * 10_000) / 10_000,
    longitude: incident?.longitude ?? Math.round((area.centroidLongitude + (unit(`${id}|lon`) - 0.5) * 0.4) * 10_000) / 10_000,
    incidentId: incident?.id ?? null,
    reportingOrganizationId: pick(REPORTERS, `${id}|org`),
    source: 'generated',
  };
}
