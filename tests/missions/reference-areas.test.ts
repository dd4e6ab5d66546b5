import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, parseCsv, type Database } from '@peacegraph/kit';
import { ADMIN_AREA_CATALOGUE, BOUNDARY_COUNTRIES, boundariesDir, boundaryFiles, COD_VALID_ON, hasPolygon, insideArea } from '@peacegraph/reference';
import { adminAreas } from '../../subgraphs/missions/src/admin-area/admin-area.table';
import { importReference } from '../../subgraphs/missions/src/import/reference';
import { generateIncident } from '../../subgraphs/incidents/src/seed/generate';
import { MISSION_PROFILES } from '../../subgraphs/incidents/src/seed/profiles';
import { TEST_DATABASES } from '../databases';

// Issue 20: the seeded admin areas are the real OCHA COD-AB p-codes (../shared/data/boundaries,
// or the excerpt the repo ships), and generated incidents lie in real areas.
const EXPECTED_COUNTS = { CAF: [17, 72], COD: [26, 189], SSD: [11, 79] } as const;
const REAL_PREFIXES = ['CF', 'CD', 'SS'];

function realRows(iso3: string) {
  const file = boundaryFiles(iso3).pcodes;
  return parseCsv(readFileSync(path.join(boundariesDir(), file)), ['pcode', 'name', 'level', 'parent_pcode'], file).rows.map((r) => r.values);
}

describe.each(TEST_DATABASES)('seeded admin areas on $label', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.create();
    await migrateAll(database, ['missions']);
    await importReference(database.db);
  });
  afterAll(() => database?.close());

  it('every CAF, COD and SSD row of the real p-code lists is seeded with its name, level, parent and COD version', async () => {
    const seeded = new Map((await database.db.select().from(adminAreas)).map((row) => [row.pcode, row]));
    for (const iso3 of BOUNDARY_COUNTRIES) {
      const rows = realRows(iso3);
      expect(rows.filter((r) => r.level === '1').length, iso3).toBe(EXPECTED_COUNTS[iso3][0]);
      expect(rows.filter((r) => r.level === '2').length, iso3).toBe(EXPECTED_COUNTS[iso3][1]);
      for (const row of rows) {
        expect(seeded.get(row.pcode!), row.pcode).toMatchObject({
          name: row.name,
          level: Number(row.level),
          parentPcode: row.level === '1' ? null : row.parent_pcode,
          countryIso3: iso3,
          source: 'ocha-cod',
          codValidOn: COD_VALID_ON[iso3],
        });
      }
      const seededOfCountry = [...seeded.values()].filter((row) => row.countryIso3 === iso3);
      expect(seededOfCountry.length, `${iso3}: nothing but the real list`).toBe(rows.length);
    }
    expect(seeded.get('CF43')?.name).toBe('Ouaka');
    expect(seeded.get('CF431')).toMatchObject({ name: 'Bambari', parentPcode: 'CF43' });
  });

  it('no generated row uses the p-code prefix of a country with a real COD', async () => {
    const generated = (await database.db.select().from(adminAreas)).filter((row) => row.source === 'generated');
    expect(generated.length).toBeGreaterThan(0);
    for (const row of generated) {
      expect(REAL_PREFIXES.includes(row.pcode.slice(0, 2)), row.pcode).toBe(false);
      expect(BOUNDARY_COUNTRIES.includes(row.countryIso3 as never), row.pcode).toBe(false);
      expect(row.codValidOn).toBeNull();
    }
  });
});

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
