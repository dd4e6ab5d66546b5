import { ADMIN_AREA_CATALOGUE, type AdminAreaReference } from '@peacegraph/reference';
import { COUNTRY_CATALOGUE } from '@peacegraph/reference';
import { MISSION_CATALOGUE, type MissionReference } from '@peacegraph/reference';

/**
 * The p-codes, countries and missions this subgraph validates writes and export filters against. Admin areas and missions
 * are owned by the missions subgraph and this subgraph never reads its tables: both are
 * seeded from the same reference catalogues, so the catalogue is the shared truth here.
 */
const areasByPcode = new Map(ADMIN_AREA_CATALOGUE.map((area) => [area.pcode, area]));
const missionsById = new Map(MISSION_CATALOGUE.map((mission) => [mission.id, mission]));
const countryCodes = new Set(COUNTRY_CATALOGUE.map((country) => country.iso3));

export function knownArea(pcode: string): AdminAreaReference | undefined {
  return areasByPcode.get(pcode);
}

/** An ISO 3166 alpha-3 code of the country catalogue. */
export function knownCountry(iso3: string): boolean {
  return countryCodes.has(iso3);
}

export function knownMission(id: string): MissionReference | undefined {
  return missionsById.get(id);
}

/** The admin1 p-code an area belongs to (itself for admin1). */
export function admin1Of(area: AdminAreaReference): string {
  return area.level === 1 ? area.pcode : (area.parentPcode ?? area.pcode);
}

/** Abyei is UNISFA's area, not UNMISS's, although both sit in the catalogue's host countries. */
const AREA_MISSION_OVERRIDES: Record<string, string> = { SD09: 'UNISFA' };

/**
 * The active peacekeeping mission whose data-sharing agreements scope rows in this area:
 * a row needs one, because a mission-limited grant cannot cover a row without a mission.
 * Only a mission with this one host country counts (UNMISS for South Sudan, not the regional
 * UNTSO or UNISFA); areas without one (Darfur, Mali since MINUSMA closed) get none.
 */
export function missionForArea(area: AdminAreaReference): string | null {
  const override = AREA_MISSION_OVERRIDES[admin1Of(area)];
  if (override) return override;
  const own = MISSION_CATALOGUE.find(
    (m) => m.status === 'ACTIVE' && m.missionType === 'PKO' && m.hostCountryIso3.length === 1 && m.hostCountryIso3[0] === area.countryIso3,
  );
  return own?.id ?? null;
}

export const AREAS = ADMIN_AREA_CATALOGUE;
