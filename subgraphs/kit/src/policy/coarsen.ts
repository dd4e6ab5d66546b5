import type { Access } from './access';
import { declaredScope, type DataClass } from './data-class';
import { ownScope } from './scope-inheritance';

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

/**
 * The one way a `@Coarsened` field is served: its exact value when the caller holds `precise`
 * for this row — the row's scope read by its type's `@ScopedBy`, as shield reads it — else the
 * coarsened value; either way the decision is in the audit log under the row's id.
 */
export function exactOrCoarsened<T>(
  access: Access,
  type: abstract new (...args: never[]) => unknown,
  row: object,
  decision: { field: string; precise: DataClass },
  values: { exact: () => T; coarsened: () => T },
): T {
  const keys = declaredScope(type) ?? {};
  const entityId = (row as Record<string, unknown>)[keys.id ?? 'id'];
  const logged = { entityType: type.name, entityId: entityId === undefined || entityId === null ? null : String(entityId), field: decision.field };
  if (access.allows(decision.precise, ownScope(row, keys))) {
    access.audit.record(access.identity, decision.precise, logged, 'GRANTED');
    return values.exact();
  }
  access.recordCoarsened(decision.precise, logged);
  return values.coarsened();
}
