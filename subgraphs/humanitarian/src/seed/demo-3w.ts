import { createHash } from 'node:crypto';
import { IascCluster } from '../operational-presence/cluster';
import type { NewOperationalPresenceRow } from '../operational-presence/operational-presence.table';
import type { AdminAreaReference } from '@peacegraph/reference';
import { admin1Of, AREAS, missionForArea } from '../places';

/**
 * GENERATED DEMO 3W DATA — illustrative, not reported by the organisations named. No public
 * 3W file covers these missions' areas in ../shared/data, so rows are derived
 * deterministically (a hash of their id, no randomness) from who works in which cluster;
 * every row has `source: 'generated'` and a stable id, so re-seeding inserts nothing new.
 */
const CLUSTERS_OF: Record<string, IascCluster[]> = {
  unhcr: [IascCluster.PROTECTION, IascCluster.SHELTER, IascCluster.CAMP_COORDINATION],
  unicef: [IascCluster.WASH, IascCluster.EDUCATION, IascCluster.NUTRITION],
  wfp: [IascCluster.FOOD_SECURITY, IascCluster.LOGISTICS],
  who: [IascCluster.HEALTH],
  iom: [IascCluster.CAMP_COORDINATION, IascCluster.SHELTER],
  fao: [IascCluster.FOOD_SECURITY, IascCluster.EARLY_RECOVERY],
  unfpa: [IascCluster.HEALTH, IascCluster.PROTECTION],
  nrc: [IascCluster.SHELTER, IascCluster.EDUCATION, IascCluster.PROTECTION, IascCluster.WASH],
  msf: [IascCluster.HEALTH],
  irc: [IascCluster.HEALTH, IascCluster.PROTECTION, IascCluster.WASH],
  acf: [IascCluster.NUTRITION, IascCluster.WASH],
  oxfam: [IascCluster.WASH, IascCluster.FOOD_SECURITY],
  icrc: [IascCluster.HEALTH, IascCluster.PROTECTION],
  'caritas-bangui': [IascCluster.FOOD_SECURITY, IascCluster.SHELTER],
};

const COUNTRIES_OF: Record<string, string[]> = { 'caritas-bangui': ['CAF'] };
const DEFAULT_COUNTRIES = ['CAF', 'COD', 'SSD'];
const AREAS_PER_COUNTRY = 3;

const PERIODS = [
  { year: 2024, start: '2024-01-01', end: '2024-12-31', status: 'COMPLETED' },
  { year: 2025, start: '2025-01-01', end: '2025-12-31', status: 'ONGOING' },
] as const;

/** A stable number in [0, 1) from a string. */
function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/** Splits a count into female/male × children/adults that add up to it exactly. */
function split(total: number, seed: string) {
  const female = Math.round(total * (0.48 + unit(`${seed}|f`) * 0.08));
  const male = total - female;
  const childShare = 0.45 + unit(`${seed}|c`) * 0.15;
  const femaleChildren = Math.round(female * childShare);
  const maleChildren = Math.round(male * childShare);
  return { femaleChildren, maleChildren, femaleAdults: female - femaleChildren, maleAdults: male - maleChildren };
}

export function demoPresenceRows(): NewOperationalPresenceRow[] {
  const rows: NewOperationalPresenceRow[] = [];
  for (const [organizationId, clusters] of Object.entries(CLUSTERS_OF)) {
    for (const countryIso3 of countriesOf(organizationId)) {
      const areas = AREAS.filter((a) => a.countryIso3 === countryIso3)
        .map((a) => ({ area: a, rank: unit(`${organizationId}|${a.pcode}`) }))
        .sort((a, b) => a.rank - b.rank)
        .slice(0, AREAS_PER_COUNTRY)
        .map((a) => a.area);
      for (const area of areas) {
        const cluster = clusters[Math.floor(unit(`${organizationId}|${area.pcode}|cluster`) * clusters.length)]!;
        for (const period of PERIODS) {
          const id = `demo-3w-${organizationId}-${area.pcode}-${cluster}-${period.year}`.toLowerCase();
          rows.push(presenceRow(id, organizationId, cluster, area, period));
        }
      }
    }
  }
  return rows;
}

/** The organisations with demo 3W rows, and the clusters each works in. */
export const PRESENCE_ORGANIZATIONS = Object.entries(CLUSTERS_OF).map(([organizationId, clusters]) => ({ organizationId, clusters }));
export { PERIODS as PRESENCE_PERIODS };

/** The countries an organisation's demo rows are in. */
export function countriesOf(organizationId: string): string[] {
  return COUNTRIES_OF[organizationId] ?? DEFAULT_COUNTRIES;
}

/** One generated 3W row; every figure is a hash of its id, so the same id always gives the same row. */
export function presenceRow(id: string, organizationId: string, cluster: IascCluster, area: AdminAreaReference, period: (typeof PERIODS)[number]): NewOperationalPresenceRow {
  const targetedTotal = 500 + Math.round(unit(`${id}|t`) * 195) * 100;
  const reachedShare = period.status === 'COMPLETED' ? 0.6 + unit(`${id}|r`) * 0.4 : 0.1 + unit(`${id}|r`) * 0.6;
  const reachedTotal = Math.round(targetedTotal * reachedShare);
  const t = split(targetedTotal, `${id}|t`);
  const r = split(reachedTotal, `${id}|r`);
  return {
    id,
    organizationId,
    cluster,
    adminAreaPcode: area.pcode,
    admin1Pcode: admin1Of(area),
    adminLevel: area.level,
    countryIso3: area.countryIso3,
    missionId: missionForArea(area),
    periodStart: period.start,
    periodEnd: period.end,
    status: period.status,
    targetedTotal,
    targetedFemaleChildren: t.femaleChildren,
    targetedMaleChildren: t.maleChildren,
    targetedFemaleAdults: t.femaleAdults,
    targetedMaleAdults: t.maleAdults,
    reachedTotal,
    reachedFemaleChildren: r.femaleChildren,
    reachedMaleChildren: r.maleChildren,
    reachedFemaleAdults: r.femaleAdults,
    reachedMaleAdults: r.maleAdults,
    reachedExplanation: null,
    remarks: `Generated demo row (illustrative; not reported by ${organizationId}).`,
    source: 'generated',
    updatedBy: 'seed',
  };
}
