import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, parseCsv, type Database } from '@peacegraph/kit';
import { BOUNDARY_COUNTRIES, boundariesDir, boundaryFiles, COD_VALID_ON } from '@peacegraph/reference';
import { adminAreas } from '../../subgraphs/missions/src/admin-area/admin-area.table';
import { seedReference } from '@peacegraph/missions/seed';
import { TEST_DATABASES } from '../databases';

// Issue 20: the seeded admin areas are the real OCHA COD-AB p-codes (../shared/data/boundaries,
// or the excerpt the repo ships); subgraphs/incidents/src/seed/generate.test.ts: generated
// incidents lie in real areas.
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
    await seedReference(database.db);
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
