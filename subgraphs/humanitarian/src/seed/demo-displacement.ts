import { createHash } from 'node:crypto';
import type { NewDisplacementRow } from '../displacement/displacement.table';
import { AREAS, missionForArea } from '../places';

/**
 * GENERATED DEMO DISPLACEMENT FIGURES — illustrative, not IOM DTM or UNHCR data. Derived
 * deterministically from the area and round (a hash, no randomness), admin1 level only so
 * nothing is double counted; `source: 'generated'` on every row, stable ids.
 */
const COUNTRIES = ['CAF', 'COD', 'SSD'];
const ROUNDS = [
  { round: 1, date: '2025-03-31' },
  { round: 2, date: '2025-06-30' },
  { round: 3, date: '2025-09-30' },
  { round: 4, date: '2025-12-31' },
];

function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

export function demoDisplacementRows(): NewDisplacementRow[] {
  return displacementAreas().flatMap((area) => ROUNDS.flatMap(({ round, date }) => roundRows(area, round, date)));
}

/**
 * The extra rounds of a scaled benchmark seed: every area's rounds 5…4×scale, one a day from
 * 2026-01-01 (follow-up rounds after the four quarterly ones), so each area has `scale`× its rows.
 */
export function scaledDisplacementRows(scale: number): NewDisplacementRow[] {
  const extra = ROUNDS.length * (scale - 1);
  return displacementAreas().flatMap((area) =>
    Array.from({ length: extra }, (_, k) => k).flatMap((k) => roundRows(area, ROUNDS.length + k + 1, new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString().slice(0, 10))),
  );
}

function displacementAreas() {
  return AREAS.filter((a) => a.level === 1 && COUNTRIES.includes(a.countryIso3));
}

function roundRows(area: (typeof AREAS)[number], round: number, date: string): NewDisplacementRow[] {
  const base = { adminAreaPcode: area.pcode, admin1Pcode: area.pcode, adminLevel: 1, countryIso3: area.countryIso3, missionId: missionForArea(area), source: 'generated' };
  const idpBase = 500 + Math.round(unit(`${area.pcode}|idp`) * 60_000);
  const hostsRefugees = unit(`${area.pcode}|ref`) < 0.35;
  // IDPs drift round to round; returnees grow as some go home (up to the fourth round's level).
  const idps = Math.round(idpBase * (0.85 + unit(`${area.pcode}|idp|${round}`) * 0.3));
  const returnees = Math.round(idpBase * 0.05 * Math.min(round, ROUNDS.length) * (0.5 + unit(`${area.pcode}|ret|${round}`)));
  const groups: [string, number, string, string][] = [
    ['IDPS', idps, 'iom', 'BASELINE_ASSESSMENT'],
    ['RETURNEES', returnees, 'iom', 'BASELINE_ASSESSMENT'],
  ];
  if (hostsRefugees) groups.push(['REFUGEES', Math.round(unit(`${area.pcode}|ref|${round}`) * 8000), 'unhcr', 'REGISTRATION']);
  return groups.map(([populationGroup, individuals, sourceOrganizationId, assessmentType]) => ({
    ...base,
    id: `demo-displacement-${area.pcode}-${populationGroup}-r${round}-${sourceOrganizationId}`.toLowerCase(),
    populationGroup,
    reportingRound: round,
    reportingDate: date,
    assessmentType,
    individuals,
    households: Math.round(individuals / 5.2),
    sourceOrganizationId,
  }));
}
