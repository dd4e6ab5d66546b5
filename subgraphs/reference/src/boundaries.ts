import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import polylabel from 'polylabel';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { parseCsv, repoRoot, sharedDataDir } from '@peacegraph/kit';

/**
 * The real OCHA COD-AB admin areas (p-codes, names, parents, centroids, admin1/admin2 polygons)
 * for the countries ../shared/data/boundaries covers. Read from there when present, else from
 * the excerpt the repo ships (subgraphs/reference/data/boundaries, cut by
 * scripts/cut-boundaries.ts: every p-code row, but polygons only for the areas the generated
 * data is placed in). Licence: CC BY-IGO 3.0, "OCHA … via HDX (cod-ab-caf / cod-ab-cod / cod-ab-ssd)".
 */
export const BOUNDARY_COUNTRIES = ['CAF', 'COD', 'SSD'] as const;
export type BoundaryCountry = (typeof BOUNDARY_COUNTRIES)[number];

/**
 * The COD version each country's p-codes belong to (valid-on date). A p-code means something
 * only with its version: CAF's newer COD reuses CF711 and adds CF24/CF33/CF34 with other meanings.
 */
export const COD_VALID_ON: Readonly<Record<BoundaryCountry, string>> = { CAF: '2015-06-15', COD: '2019-09-11', SSD: '2023-08-29' };

export const FALLBACK_BOUNDARIES_DIR = path.join(repoRoot, 'subgraphs/reference/data/boundaries');
export const SHARED_BOUNDARIES_DIR = path.join(sharedDataDir, 'boundaries');

export const boundaryFiles = (iso3: string) => {
  const stem = iso3.toLowerCase();
  return { pcodes: `${stem}-pcodes.csv`, admin1: `${stem}-adm1.geojson`, admin2: `${stem}-adm2.geojson` };
};

/** ../shared/data/boundaries when it holds every file, else the shipped excerpt. */
export function boundariesDir(): string {
  const complete = BOUNDARY_COUNTRIES.every((iso3) => Object.values(boundaryFiles(iso3)).every((file) => existsSync(path.join(SHARED_BOUNDARIES_DIR, file))));
  return complete ? SHARED_BOUNDARIES_DIR : FALLBACK_BOUNDARIES_DIR;
}

export interface BoundaryProperties {
  pcode: string;
  name: string;
  name_alt: string | null;
  level: 1 | 2;
  parent_pcode: string;
  iso3: string;
}
/** A COD-AB feature; the shipped excerpt keeps the feature but drops the polygon (null) where no generated data needs it. */
export type BoundaryFeature = Feature<Polygon | MultiPolygon | null, BoundaryProperties>;

export interface OchaArea {
  pcode: string;
  name: string;
  nameAlt: string | null;
  level: 1 | 2;
  /** Null for admin1 (the COD's admin0 parent, e.g. `CF`, is not an area here). */
  parentPcode: string | null;
  countryIso3: BoundaryCountry;
  centroidLatitude: number;
  centroidLongitude: number;
  codValidOn: string;
}

export function readFeatures(dir: string, iso3: string, level: 1 | 2): BoundaryFeature[] {
  const file = path.join(dir, level === 1 ? boundaryFiles(iso3).admin1 : boundaryFiles(iso3).admin2);
  return (JSON.parse(readFileSync(file, 'utf8')) as { features: BoundaryFeature[] }).features;
}

function readCountry(dir: string, iso3: BoundaryCountry): { areas: OchaArea[]; features: BoundaryFeature[] } {
  const features = [...readFeatures(dir, iso3, 1), ...readFeatures(dir, iso3, 2)];
  const alternative = new Map(features.map((f) => [f.properties.pcode, f.properties.name_alt]));
  const csv = parseCsv(readFileSync(path.join(dir, boundaryFiles(iso3).pcodes)), ['pcode', 'name', 'level', 'parent_pcode', 'centroid_lat', 'centroid_lon'], boundaryFiles(iso3).pcodes);
  const areas = csv.rows.map(({ values }): OchaArea => {
    const level = Number(values.level) === 1 ? 1 : 2;
    return {
      pcode: values.pcode!,
      name: values.name!,
      nameAlt: alternative.get(values.pcode!) ?? null,
      level,
      parentPcode: level === 1 ? null : values.parent_pcode!,
      countryIso3: iso3,
      centroidLatitude: Number(values.centroid_lat),
      centroidLongitude: Number(values.centroid_lon),
      codValidOn: COD_VALID_ON[iso3],
    };
  });
  return { areas, features };
}

const loaded = BOUNDARY_COUNTRIES.map((iso3) => readCountry(boundariesDir(), iso3));

/** Every admin1 and admin2 row of the real p-code lists, in file order. */
export const OCHA_AREAS: readonly OchaArea[] = loaded.flatMap((c) => c.areas);

const polygons = new Map(
  loaded.flatMap((c) => c.features).filter((f) => f.geometry !== null).map((f) => [f.properties.pcode, f as Feature<Polygon | MultiPolygon, BoundaryProperties>]),
);

/** Whether the area's real polygon is available here (always with ../shared/data; in the excerpt only for the areas generated data uses). */
export function hasPolygon(pcode: string): boolean {
  return polygons.has(pcode);
}

/** Whether (longitude, latitude) lies inside the area's real polygon; undefined when the polygon is not available. */
export function insideArea(pcode: string, longitude: number, latitude: number): boolean | undefined {
  const polygon = polygons.get(pcode);
  return polygon ? booleanPointInPolygon([longitude, latitude], polygon) : undefined;
}

/**
 * A point well inside the area — its pole of inaccessibility (polylabel), the interior point
 * farthest from the edge — for concave units, where the centroid is not inside (CF311, CF612,
 * CD6202, SS0708), and for points that must survive rounding; undefined when the polygon is
 * not available. For a MultiPolygon, inside its first part.
 */
export function pointOnSurface(pcode: string): { latitude: number; longitude: number } | undefined {
  const geometry = polygons.get(pcode)?.geometry;
  if (!geometry) return undefined;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates[0]!;
  const [longitude, latitude] = polylabel(rings, 0.0001);
  return { latitude, longitude };
}
