import { referenceArea, referenceMission, type Db, type ReferenceArea, type ReferenceMission } from '@peacegraph/kit';
import { ADMIN_AREA_CATALOGUE, type AdminAreaReference } from '@peacegraph/reference';
import { COUNTRY_CATALOGUE } from '@peacegraph/reference';
import { MISSION_CATALOGUE } from '@peacegraph/reference';

/**
 * The p-codes, countries and missions this subgraph validates against. Writes and export
 * filters check p-codes and missions against the reference tables in the database (owned by
 * the missions subgraph, read through kit reference-tables.ts), so an admin area added there is
 * accepted without a code change. The seed and the coarsening of points still read the
 * catalogue the tables are seeded from (the same rows).
 */
const areasByPcode = new Map(ADMIN_AREA_CATALOGUE.map((area) => [area.pcode, area]));
const countryCodes = new Set(COUNTRY_CATALOGUE.map((country) => country.iso3));

/** The admin area of the reference table, or undefined (p-code in upper case). */
export function knownArea(db: Db, pcode: string): Promise<ReferenceArea | undefined> {
  return referenceArea(db, pcode);
}

/** The seeded catalogue row of an area (seed data and coarsening only). */
export function catalogueArea(pcode: string): AdminAreaReference | undefined {
  return areasByPcode.get(pcode);
}

/** An ISO 3166 alpha-3 code of the country catalogue. */
export function knownCountry(iso3: string): boolean {
  return countryCodes.has(iso3);
}

/** The mission of the reference table, or undefined (id in upper case). */
export function knownMission(db: Db, id: string): Promise<ReferenceMission | undefined> {
  return referenceMission(db, id);
}

type Place = Pick<AdminAreaReference, 'pcode' | 'level' | 'parentPcode' | 'countryIso3'>;

/** The admin1 p-code an area belongs to (itself for admin1). */
export function admin1Of(area: Place): string {
  return area.level === 1 ? area.pcode : (area.parentPcode ?? area.pcode);
}

/** Abyei (SS00 in the SSD COD) is UNISFA's area, not UNMISS's, although the COD files it under South Sudan. */
const AREA_MISSION_OVERRIDES: Record<string, string> = { SS00: 'UNISFA' };

/**
 * The active peacekeeping mission whose data-sharing agreements scope rows in this area:
 * a row needs one, because a mission-limited grant cannot cover a row without a mission.
 * Only a mission with this one host country counts (UNMISS for South Sudan, not the regional
 * UNTSO or UNISFA); areas without one (Darfur, Mali since MINUSMA closed) get none.
 */
export function missionForArea(area: Place): string | null {
  const override = AREA_MISSION_OVERRIDES[admin1Of(area)];
  if (override) return override;
  const own = MISSION_CATALOGUE.find(
    (m) => m.status === 'ACTIVE' && m.missionType === 'PKO' && m.hostCountryIso3.length === 1 && m.hostCountryIso3[0] === area.countryIso3,
  );
  return own?.id ?? null;
}

export const AREAS = ADMIN_AREA_CATALOGUE;
