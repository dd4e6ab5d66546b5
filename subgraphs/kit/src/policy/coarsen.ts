/** How exact a served point is, stated beside it so no client mistakes a rounded point for a position. */
export enum PointPrecision {
  EXACT = 'EXACT',
  /** Rounded to 0.1° (about 11 km). */
  ROUNDED_0_1_DEGREE = 'ROUNDED_0_1_DEGREE',
  /** Replaced by the admin area's centroid. */
  ADMIN_AREA_CENTROID = 'ADMIN_AREA_CENTROID',
}

export interface ServedPoint {
  latitude: number;
  longitude: number;
  precision: PointPrecision;
}

/** The one place points are coarsened: the admin centroid when known, else a 0.1° grid. */
export function coarsenPoint(latitude: number, longitude: number, centroid?: { latitude: number; longitude: number } | null): ServedPoint {
  if (centroid) return { ...centroid, precision: PointPrecision.ADMIN_AREA_CENTROID };
  return {
    latitude: Math.round(latitude * 10) / 10,
    longitude: Math.round(longitude * 10) / 10,
    precision: PointPrecision.ROUNDED_0_1_DEGREE,
  };
}
