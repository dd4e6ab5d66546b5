import { badInput, type Db } from '@peacegraph/kit';
import { knownArea, knownMission } from '../places';
import { checkDate, checkText } from '../operational-presence/operational-presence.validate';
import type { EscortRequestInput } from './escort-request.inputs';
import type { StoredWaypoint } from './escort-request.table';

const MAX_WAYPOINTS = 50;

export interface ValidEscortRequest {
  missionId: string;
  originPcode: string;
  route: StoredWaypoint[];
  requestedDate: string;
  purpose: string;
  cargo: string | null;
}

/** Input → stored values, or BAD_USER_INPUT naming the first bad field (e.g. `input.route[2].latitude`). */
export async function validateEscortInput(db: Db, input: EscortRequestInput, today = new Date().toISOString().slice(0, 10)): Promise<ValidEscortRequest> {
  const mission = await knownMission(db, input.missionId.trim().toUpperCase());
  if (!mission) throw badInput('input.missionId', `${input.missionId} is not a known mission.`);
  if (mission.status !== 'ACTIVE') throw badInput('input.missionId', `${mission.id} is not an active mission.`);
  checkDate('input.requestedDate', input.requestedDate);
  if (input.requestedDate < today) throw badInput('input.requestedDate', 'must be today or later.');
  const purpose = checkText('input.purpose', input.purpose, true)!;
  const cargo = checkText('input.cargo', input.cargo);
  if (input.route.length < 2) throw badInput('input.route', 'needs at least two waypoints (start and destination).');
  if (input.route.length > MAX_WAYPOINTS) throw badInput('input.route', `has more than ${MAX_WAYPOINTS} waypoints.`);
  const route: StoredWaypoint[] = [];
  for (const [i, w] of input.route.entries()) {
    const field = `input.route[${i}]`;
    const pcode = w.adminAreaPcode.trim().toUpperCase();
    const area = await knownArea(db, pcode);
    if (!area) throw badInput(`${field}.adminAreaPcode`, `${w.adminAreaPcode} is not a known p-code.`);
    if (!mission.hostCountryIso3.includes(area.countryIso3)) {
      throw badInput(`${field}.adminAreaPcode`, `${pcode} is outside ${mission.id}'s host countries.`);
    }
    const hasLat = w.latitude !== null && w.latitude !== undefined;
    const hasLon = w.longitude !== null && w.longitude !== undefined;
    if (hasLat !== hasLon) throw badInput(hasLat ? `${field}.longitude` : `${field}.latitude`, 'give both coordinates or neither.');
    if (hasLat && (w.latitude! < -90 || w.latitude! > 90)) throw badInput(`${field}.latitude`, 'must be between -90 and 90.');
    if (hasLon && (w.longitude! < -180 || w.longitude! > 180)) throw badInput(`${field}.longitude`, 'must be between -180 and 180.');
    route.push({ adminAreaPcode: pcode, name: checkText(`${field}.name`, w.name), latitude: w.latitude ?? null, longitude: w.longitude ?? null });
  }
  return { missionId: mission.id, originPcode: route[0]!.adminAreaPcode, route, requestedDate: input.requestedDate, purpose, cargo };
}
