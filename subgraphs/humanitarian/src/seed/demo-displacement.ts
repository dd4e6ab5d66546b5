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
  const rows: NewDisplacementRow[] = [];
  for (const area of AREAS.filter((a) => a.level === 1 && COUNTRIES.includes(a.countryIso3))) {
    const base = { adminAreaPcode: area.pcode, admin1Pcode: area.pcode, adminLevel: 1, countryIso3: area.countryIso3, missionId: missionForArea(area), source: 'generated' };
    const idpBase = 500 + Math.round(unit(`${area.pcode}|idp`) * 60_000);
    const hostsRefugees = unit(`${area.pcode}|ref`) < 0.35;
    for (const { round, date } of ROUNDS) {
      // IDPs drift round to round; returnees grow as some go home.
      const idps = Math.round(idpBase * (0.85 + unit(`${area.pcode}|idp|${round}`) * 0.3));
      const returnees = Math.round(idpBase * 0.05 * round * (0.5 + unit(`${area.pcode}|ret|${round}`)));
      const groups: [string, number, string, string][] = [
        ['IDPS', idps, 'iom', 'BASELINE_ASSESSMENT'],
        ['RETURNEES', returnees, 'iom', 'BASELINE_ASSESSMENT'],
      ];
      if (hostsRefugees) groups.push(['REFUGEES', Math.round(unit(`${area.pcode}|ref|${round}`) * 8000), 'unhcr', 'REGISTRATION']);
      for (const [populationGroup, individuals, sourceOrganizationId, assessmentType] of groups) {
        rows.push({
          ...base,
          id: `demo-displacement-${area.pcode}-${populationGroup}-r${round}-${sourceOrganizationId}`.toLowerCase(),
          populationGroup,
          reportingRound: round,
          reportingDate: date,
          assessmentType,
          individuals,
          households: Math.round(individuals / 5.2),
          sourceOrganizationId,
        });
      }
    }
  }
  return rows;
}
