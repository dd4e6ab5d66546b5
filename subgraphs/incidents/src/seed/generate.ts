import { ADMIN_AREA_CATALOGUE, insideArea, pointOnSurface } from '@peacegraph/reference';
import type { NewIncidentRow } from '../incident/incident.table';
import { IncidentEventType as E, IncidentLocalType, IncidentSubEventType as S, SUB_EVENT_TYPES } from '../taxonomy/taxonomy';
import { Prng } from './prng';
import { SUB_EVENT_SHARES, type Actor, type MissionProfile, type Town } from './profiles';

/** The generated period: fixed, so the data (and its ids) never depend on when seeding runs. */
const PERIOD_START = Date.UTC(2024, 0, 1);
const PERIOD_DAYS = 547; // 2024-01-01 … 2025-06-30

export const GENERATED_LABEL = 'GENERATED DEMO DATA — not a real event.';
export const GENERATED_TAG = 'generated-demo';

const areas = new Map(ADMIN_AREA_CATALOGUE.map((a) => [a.pcode, a]));

export interface GeneratedIncident {
  row: NewIncidentRow;
  /** Actor 1 and, where the event has one, actor 2 (ACLED's two sides). */
  actors: Actor[];
  town: Town;
}

/** Stable id of the n-th generated incident of a mission (G = generated). */
export function generatedIncidentId(missionId: string, n: number): string {
  return `INC-${missionId}-G${String(n).padStart(5, '0')}`;
}

/**
 * The n-th generated incident of a mission. Each incident draws from its own PRNG seeded
 * by its id, so changing one incident's recipe (or adding fields) never reshuffles others.
 */
export function generateIncident(profile: MissionProfile, n: number): GeneratedIncident {
  const id = generatedIncidentId(profile.missionId, n);
  const rng = new Prng(id);
  const eventType = rng.weighted(profile.eventTypes);
  const subEventType = rng.weighted(SUB_EVENT_SHARES[eventType]);
  const taxonomy = SUB_EVENT_TYPES[subEventType];
  const town = rng.weighted(profile.towns.map((t) => [t, t.weight] as const));

  const day = rng.int(0, PERIOD_DAYS - 1);
  const eventDate = new Date(PERIOD_START + day * 86_400_000).toISOString().slice(0, 10);
  const timePrecision = rng.weighted([[1, 85], [2, 10], [3, 5]] as const);
  const reportedAt = new Date(PERIOD_START + (day + rng.int(0, 3)) * 86_400_000 + rng.int(6, 20) * 3_600_000);

  const geoPrecision = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
  const townArea = areas.get(town.pcode);
  // Precision 3 = only the region is known: file it under the admin1 area, at its centroid.
  const admin1 = townArea?.parentPcode ? areas.get(townArea.parentPcode) : townArea;
  const area = geoPrecision === 3 && admin1 ? admin1 : townArea;
  const { latitude, longitude } =
    geoPrecision === 3 && admin1 ? { latitude: admin1.centroidLatitude, longitude: admin1.centroidLongitude } : pointNear(town, geoPrecision === 1 ? 0.03 : 0.12, rng);

  const actors = actorsFor(eventType, subEventType, profile, rng);
  const fatalities = fatalitiesFor(subEventType, rng);
  const localType = localTypeFor(eventType, subEventType, rng);
  const verificationStatus = rng.weighted([['VERIFIED', 55], ['UNDER_VERIFICATION', 20], ['REPORTED', 18], ['REFUTED', 7]] as const);
  const civilianTargeting = eventType === E.VIOLENCE_AGAINST_CIVILIANS || (eventType === E.EXPLOSIONS_REMOTE_VIOLENCE && rng.chance(0.3));

  const row: NewIncidentRow = {
    id,
    missionId: profile.missionId,
    eventDate,
    timePrecision,
    reportedAt,
    disorderType: taxonomy.disorderType,
    eventType,
    subEventType,
    localType,
    violatedAgreement: localType === IncidentLocalType.CEASEFIRE_VIOLATION ? profile.ceasefireAgreement : null,
    adminAreaPcode: area?.pcode ?? town.pcode,
    admin1Pcode: admin1?.pcode ?? town.pcode,
    countryIso3: profile.countryIso3,
    latitude,
    longitude,
    geoPrecision,
    areaCentroidLatitude: area?.centroidLatitude ?? null,
    areaCentroidLongitude: area?.centroidLongitude ?? null,
    civilianTargeting,
    fatalities,
    summary: `${GENERATED_LABEL} ${taxonomy.acledLabel}${describeActors(actors)} near ${town.name}; ${fatalities} reported fatalities.`,
    reportingUnit: `${profile.missionId} ${town.name} operating base`,
    reportedByOrganizationId: profile.organizationId,
    reportedBySubject: 'seed',
    tags: [GENERATED_TAG],
    verificationStatus,
    // One version per step of the generated verification history (generate-records.ts).
    version: verificationStatus === 'REPORTED' ? 1 : verificationStatus === 'UNDER_VERIFICATION' ? 2 : 3,
    provenance: 'generated',
  };
  return { row, actors, town };
}

const MAX_DRAWS = 20;

/**
 * A point scattered around the town that lies inside the real polygon of the town's area
 * (rejection sampling; the same draws every time, so the seed stays deterministic). Without the
 * polygon (an area outside the COD excerpt) the scattered point is kept as it is.
 */
function pointNear(town: Town, spread: number, rng: Prng): { latitude: number; longitude: number } {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const latitude = round(town.latitude + rng.normal() * spread);
    const longitude = round(town.longitude + rng.normal() * spread);
    if (insideArea(town.pcode, longitude, latitude) !== false) return { latitude, longitude };
  }
  const surface = pointOnSurface(town.pcode)!;
  return { latitude: round(surface.latitude), longitude: round(surface.longitude) };
}

function actorsFor(eventType: E, subEventType: S, profile: MissionProfile, rng: Prng): Actor[] {
  const group = rng.pick(profile.armedGroups);
  const civilians: Actor = { name: `Civilians (${countryName(profile.countryIso3)})`, inter: 7 };
  switch (eventType) {
    case E.BATTLES: {
      const opponent = rng.chance(0.6) ? profile.stateForces : rng.pick(profile.armedGroups.filter((g) => g !== group));
      return [group, opponent ?? profile.stateForces];
    }
    case E.EXPLOSIONS_REMOTE_VIOLENCE:
      return [group, rng.chance(0.5) ? civilians : profile.stateForces];
    case E.VIOLENCE_AGAINST_CIVILIANS:
      return [rng.chance(0.85) ? group : profile.stateForces, civilians];
    case E.PROTESTS:
      return subEventType === S.PEACEFUL_PROTEST
        ? [{ name: `Protesters (${countryName(profile.countryIso3)})`, inter: 6 }]
        : [{ name: `Protesters (${countryName(profile.countryIso3)})`, inter: 6 }, profile.stateForces];
    case E.RIOTS:
      return [{ name: `Rioters (${countryName(profile.countryIso3)})`, inter: 5 }, ...(subEventType === S.MOB_VIOLENCE ? [civilians] : [])];
    case E.STRATEGIC_DEVELOPMENTS:
      return subEventType === S.ARRESTS ? [profile.stateForces, civilians] : [group];
  }
}

function describeActors(actors: Actor[]): string {
  if (actors.length === 0) return '';
  if (actors.length === 1) return ` involving ${actors[0]!.name}`;
  return ` between ${actors[0]!.name} and ${actors[1]!.name}`;
}

/** ACLED-like fatality counts: most events have none, a few have many (geometric tail). */
function fatalitiesFor(subEventType: S, rng: Prng): number {
  const tail = (p: number, cap: number) => {
    let n = 1;
    while (n < cap && rng.chance(p)) n++;
    return n;
  };
  switch (subEventType) {
    case S.ARMED_CLASH:
    case S.GOVERNMENT_REGAINS_TERRITORY:
    case S.NON_STATE_ACTOR_OVERTAKES_TERRITORY:
      return rng.chance(0.4) ? 0 : tail(0.7, 40);
    case S.ATTACK:
      return rng.chance(0.45) ? 0 : tail(0.55, 30);
    case S.REMOTE_EXPLOSIVE_LANDMINE_IED:
    case S.SHELLING_ARTILLERY_MISSILE_ATTACK:
    case S.AIR_DRONE_STRIKE:
    case S.GRENADE:
    case S.SUICIDE_BOMB:
      return rng.chance(0.5) ? 0 : tail(0.5, 20);
    case S.EXCESSIVE_FORCE_AGAINST_PROTESTERS:
    case S.MOB_VIOLENCE:
      return rng.chance(0.6) ? 0 : tail(0.3, 5);
    default:
      return 0;
  }
}

function localTypeFor(eventType: E, subEventType: S, rng: Prng): IncidentLocalType | null {
  if (eventType === E.BATTLES && rng.chance(0.12)) return IncidentLocalType.CEASEFIRE_VIOLATION;
  if ((subEventType === S.OTHER || subEventType === S.CHANGE_TO_GROUP_ACTIVITY) && rng.chance(0.5)) {
    return rng.chance(0.6) ? IncidentLocalType.OBSTRUCTION_OF_MOVEMENT : IncidentLocalType.THREAT_AGAINST_MISSION;
  }
  if (eventType === E.EXPLOSIONS_REMOTE_VIOLENCE && rng.chance(0.15)) return IncidentLocalType.THREAT_AGAINST_MISSION;
  return null;
}

const COUNTRY_NAMES: Record<string, string> = {
  CAF: 'Central African Republic',
  COD: 'Democratic Republic of Congo',
  SSD: 'South Sudan',
  SDN: 'Sudan',
};

function countryName(iso3: string): string {
  return COUNTRY_NAMES[iso3] ?? iso3;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
