// Cuts the dashboard's map boundaries (dashboard/public/boundaries/<ISO3>.geojson, committed, so a
// clone without ../shared/data draws the same map) from the real OCHA COD-AB admin1 polygons in
// ../shared/data/boundaries (CC BY-IGO 3.0; see that folder's README). The seeded admin areas
// carry generated p-codes (subgraphs/reference/src/admin-areas.ts), so each polygon is matched to
// its seeded area by name and keeps both codes: `pcode` (the graph's) and `codPcode` (OCHA's).
// Coordinates are rounded to 0.01° (≈ 1 km, enough for a country map) and repeated points dropped.
//
//   npx tsx scripts/cut-boundaries.ts            (reads ../shared/data or SHARED_DATA_DIR)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, sharedDataDir } from '@peacegraph/kit';
import { ADMIN_AREA_CATALOGUE } from '@peacegraph/reference';

const COUNTRIES = ['CAF', 'COD', 'SSD'];
export const BOUNDARIES_DIR = path.join(repoRoot, 'dashboard/public/boundaries');
/** Seeded spellings that differ from the COD's beyond accents, case and punctuation. */
const ALIASES: Record<string, string> = { nanagrebizi: 'nanagribizi' };

type Ring = [number, number][];
interface Feature {
  type: 'Feature';
  properties: { pcode: string; name: string; name_alt: string | null; level: number; iso3: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Ring[] | Ring[][] };
}

const key = (name: string) => {
  const k = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return ALIASES[k] ?? k;
};

function simplifyRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function main(): void {
  mkdirSync(BOUNDARIES_DIR, { recursive: true });
  for (const iso3 of COUNTRIES) {
    const source = JSON.parse(readFileSync(path.join(sharedDataDir, `boundaries/${iso3.toLowerCase()}-adm1.geojson`), 'utf8')) as { features: Feature[] };
    const features = [];
    for (const area of ADMIN_AREA_CATALOGUE.filter((a) => a.countryIso3 === iso3 && a.level === 1)) {
      const match = source.features.find((f) => key(f.properties.name) === key(area.name) || (f.properties.name_alt && key(f.properties.name_alt) === key(area.name)));
      if (!match) {
        console.warn(`${iso3}: no COD polygon named like ${area.name} (${area.pcode}); it is left off the map.`);
        continue;
      }
      const g = match.geometry;
      const coordinates = g.type === 'Polygon' ? (g.coordinates as Ring[]).map(simplifyRing) : (g.coordinates as Ring[][]).map((p) => p.map(simplifyRing));
      features.push({ type: 'Feature', properties: { pcode: area.pcode, name: area.name, codPcode: match.properties.pcode }, geometry: { type: g.type, coordinates } });
    }
    const collection = {
      type: 'FeatureCollection',
      attribution: 'OCHA COD-AB via HDX (CC BY-IGO 3.0), simplified; pcode = PeaceGraph demo p-code, codPcode = OCHA p-code',
      features,
    };
    const file = path.join(BOUNDARIES_DIR, `${iso3}.geojson`);
    writeFileSync(file, `${JSON.stringify(collection)}\n`);
    console.log(`${path.relative(repoRoot, file)}: ${features.length} admin1 areas, ${(JSON.stringify(collection).length / 1024).toFixed(0)} KB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
