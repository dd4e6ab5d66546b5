// Cuts two things from the real OCHA COD-AB files in ../shared/data/boundaries (CC BY-IGO 3.0;
// see that folder's README), so a clone without ../shared/data seeds and draws the same areas:
//
// 1. The reference excerpt (subgraphs/reference/data/boundaries, same file names): every p-code
//    row (the CSVs, byte for byte — small, and the seed needs every area) and every feature of
//    the admin1/admin2 GeoJSON, with its polygon kept only for the areas generated incidents are
//    placed in (the mission profiles' towns) and null elsewhere.
// 2. The dashboard's admin1 map (dashboard/public/boundaries/<ISO3>.geojson), `pcode` = the OCHA
//    p-code, coordinates rounded to 0.01° (≈ 1 km, enough for a country map), repeated points dropped.
//
//   npx tsx scripts/cut-boundaries.ts            (reads ../shared/data or SHARED_DATA_DIR)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@peacegraph/kit';
import { BOUNDARY_COUNTRIES, boundaryFiles, FALLBACK_BOUNDARIES_DIR, readFeatures, SHARED_BOUNDARIES_DIR, type BoundaryFeature } from '@peacegraph/reference';
import { MISSION_PROFILES } from '../subgraphs/incidents/src/seed/profiles';

export const BOUNDARIES_DIR = path.join(repoRoot, 'dashboard/public/boundaries');
const ATTRIBUTION = 'OCHA COD-AB via HDX (cod-ab-caf, cod-ab-cod, cod-ab-ssd), CC BY-IGO 3.0; simplified';

type Ring = [number, number][];

function roundRing(ring: Ring, step: number): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon / step) * step, Math.round(lat / step) * step].map((v) => Number(v.toFixed(5))) as [number, number];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function rounded(geometry: NonNullable<BoundaryFeature['geometry']>, step: number): BoundaryFeature['geometry'] {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: (geometry.coordinates as Ring[]).map((r) => roundRing(r, step)) }
    : { type: 'MultiPolygon', coordinates: (geometry.coordinates as Ring[][]).map((p) => p.map((r) => roundRing(r, step))) };
}

/** One feature per line, like the source files. */
function featureCollection(features: unknown[], attribution: string): string {
  return `{"type":"FeatureCollection","attribution":${JSON.stringify(attribution)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function cutReferenceExcerpt(): void {
  mkdirSync(FALLBACK_BOUNDARIES_DIR, { recursive: true });
  const placed = new Set(MISSION_PROFILES.flatMap((profile) => profile.towns.map((town) => town.pcode)));
  for (const iso3 of BOUNDARY_COUNTRIES) {
    const files = boundaryFiles(iso3);
    writeFileSync(path.join(FALLBACK_BOUNDARIES_DIR, files.pcodes), readFileSync(path.join(SHARED_BOUNDARIES_DIR, files.pcodes)));
    for (const level of [1, 2] as const) {
      const features = readFeatures(SHARED_BOUNDARIES_DIR, iso3, level).map((f) => ({ ...f, geometry: placed.has(f.properties.pcode) ? f.geometry : null }));
      const file = path.join(FALLBACK_BOUNDARIES_DIR, level === 1 ? files.admin1 : files.admin2);
      writeFileSync(file, featureCollection(features, `${ATTRIBUTION}; excerpt: polygons only where generated data is placed`));
      console.log(`${path.relative(repoRoot, file)}: ${features.length} features, ${features.filter((f) => f.geometry).length} with polygons`);
    }
  }
}

function cutDashboardMaps(): void {
  mkdirSync(BOUNDARIES_DIR, { recursive: true });
  for (const iso3 of BOUNDARY_COUNTRIES) {
    const features = readFeatures(SHARED_BOUNDARIES_DIR, iso3, 1).map((f) => ({
      type: 'Feature',
      properties: { pcode: f.properties.pcode, name: f.properties.name },
      geometry: rounded(f.geometry!, 0.01),
    }));
    const text = featureCollection(features, `${ATTRIBUTION} to 0.01°; pcode = OCHA p-code`);
    const file = path.join(BOUNDARIES_DIR, `${iso3}.geojson`);
    writeFileSync(file, text);
    console.log(`${path.relative(repoRoot, file)}: ${features.length} admin1 areas, ${(text.length / 1024).toFixed(0)} KB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cutReferenceExcerpt();
  cutDashboardMaps();
}
