import { createHash } from 'node:crypto';
import type { NewDdrFigureRow } from '../ddr/ddr.table';
import { AREAS, missionForArea } from '../places';

/**
 * GENERATED DEMO DDR FIGURES — illustrative, not mission DDR reports. Quarterly 2025, a
 * few admin1 areas per mission, deterministic; small child counts on purpose (they are
 * what suppression protects). Aggregates only.
 */
const QUARTERS = [
  ['2025-01-01', '2025-03-31'],
  ['2025-04-01', '2025-06-30'],
  ['2025-07-01', '2025-09-30'],
  ['2025-10-01', '2025-12-31'],
] as const;
const AREAS_PER_COUNTRY = 4;

function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

const count = (seed: string, max: number) => Math.floor(unit(seed) * (max + 1));

export function demoDdrRows(): NewDdrFigureRow[] {
  const rows: NewDdrFigureRow[] = [];
  for (const countryIso3 of ['CAF', 'COD', 'SSD']) {
    const areas = AREAS.filter((a) => a.countryIso3 === countryIso3 && a.level === 1)
      .sort((a, b) => unit(`ddr|${a.pcode}`) - unit(`ddr|${b.pcode}`))
      .slice(0, AREAS_PER_COUNTRY);
    for (const area of areas) {
      const missionId = missionForArea(area);
      if (!missionId) continue;
      QUARTERS.forEach(([periodStart, periodEnd], q) => {
        const id = `demo-ddr-${area.pcode}-2025q${q + 1}`.toLowerCase();
        const stage = (name: string, scale: number) => ({
          FemaleAdults: count(`${id}|${name}|fa`, 30 * scale),
          MaleAdults: 5 + count(`${id}|${name}|ma`, 200 * scale),
          FemaleChildren: count(`${id}|${name}|fc`, 4),
          MaleChildren: count(`${id}|${name}|mc`, 12 * scale),
        });
        const d = stage('disarmed', 1);
        const m = stage('demobilized', 0.8);
        const r = stage('reintegrated', 0.5);
        rows.push({
          id,
          missionId,
          adminAreaPcode: area.pcode,
          countryIso3,
          periodStart,
          periodEnd,
          weaponsCollected: count(`${id}|weapons`, 250),
          ammunitionCollected: count(`${id}|ammo`, 20_000),
          disarmedFemaleAdults: d.FemaleAdults,
          disarmedMaleAdults: d.MaleAdults,
          disarmedFemaleChildren: d.FemaleChildren,
          disarmedMaleChildren: d.MaleChildren,
          demobilizedFemaleAdults: m.FemaleAdults,
          demobilizedMaleAdults: m.MaleAdults,
          demobilizedFemaleChildren: m.FemaleChildren,
          demobilizedMaleChildren: m.MaleChildren,
          reintegratedFemaleAdults: r.FemaleAdults,
          reintegratedMaleAdults: r.MaleAdults,
          reintegratedFemaleChildren: r.FemaleChildren,
          reintegratedMaleChildren: r.MaleChildren,
          source: 'generated',
        });
      });
    }
  }
  return rows;
}
