// Issue 20: generated incidents lie in real OCHA areas (subgraphs/reference), inside the real
// polygon where the point is more than the admin1 centroid.
import { describe, expect, it } from 'vitest';
import { ADMIN_AREA_CATALOGUE, hasPolygon, insideArea } from '@peacegraph/reference';
import { generateIncident } from './generate';
import { MISSION_PROFILES } from './profiles';

describe('generated incidents', () => {
  const areas = new Map(ADMIN_AREA_CATALOGUE.map((a) => [a.pcode, a]));

  it("every town lies inside its area's real polygon", () => {
    for (const profile of MISSION_PROFILES) {
      for (const town of profile.towns) {
        expect(hasPolygon(town.pcode), town.name).toBe(true);
        expect(insideArea(town.pcode, town.longitude, town.latitude), `${town.name} in ${town.pcode}`).toBe(true);
      }
    }
  });

  it('lie in real areas of their mission’s country, inside the polygon when the point is not just the admin1 centroid', () => {
    let checked = 0;
    for (const profile of MISSION_PROFILES) {
      for (let n = 1; n <= profile.incidents; n++) {
        const { row } = generateIncident(profile, n);
        const area = areas.get(row.adminAreaPcode!);
        expect(area?.source, row.id).toBe('ocha-cod');
        expect(area?.countryIso3, row.id).toBe(row.countryIso3);
        if (row.geoPrecision !== 3) {
          expect(insideArea(row.adminAreaPcode!, row.longitude!, row.latitude!), `${row.id} at ${row.latitude},${row.longitude} in ${row.adminAreaPcode}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('are the same on every run (determinism)', () => {
    const profile = MISSION_PROFILES[0]!;
    expect(generateIncident(profile, 7).row).toEqual(generateIncident(profile, 7).row);
  });
});
