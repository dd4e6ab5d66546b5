import { badInput, calendarDate, referenceArea, referenceMission, type Db, type ReferenceArea, type ReferenceMission } from '@peacegraph/kit';
import { CasualtyOutcome } from '../casualty/casualty.type';
import { IncidentLocalType } from '../taxonomy/taxonomy';
import { COUNTRY_BOUNDS } from './country-bounds';
import type { ReportIncidentInput } from './report.inputs';

/** The mission as the database's reference table has it (kit reference-tables.ts), or undefined. */
export function knownMission(db: Db, missionId: string): Promise<ReferenceMission | undefined> {
  return referenceMission(db, missionId.toUpperCase());
}

export interface ValidatedReport {
  mission: ReferenceMission;
  area: ReferenceArea;
  admin1: ReferenceArea;
}

/**
 * Every check reportIncident makes before writing anything. The first failure is thrown as
 * BAD_USER_INPUT naming the field (`input.latitude`, `input.casualties[2].total` …). Missions and
 * p-codes are checked against the reference tables in the database, so an area added there is
 * accepted without a code change. `mission`: the reporting mission, which the caller has
 * already looked up (knownMission) to refuse an unknown one before the write permission check.
 */
export async function validateReport(db: Db, input: ReportIncidentInput, mission: ReferenceMission, today = new Date()): Promise<ValidatedReport> {
  const key = input.clientKey.trim();
  if (key.length < 8 || key.length > 100) throw badInput('input.clientKey', 'must be 8–100 characters (use a UUID).');

  calendarDate('input.eventDate', input.eventDate);
  if (input.eventDate > today.toISOString().slice(0, 10)) throw badInput('input.eventDate', 'is in the future.');
  if (input.eventDate < '1990-01-01') throw badInput('input.eventDate', 'is before 1990.');
  if (![1, 2, 3].includes(input.timePrecision)) throw badInput('input.timePrecision', 'must be 1 (day), 2 (week) or 3 (month).');
  if (![1, 2, 3].includes(input.geoPrecision)) throw badInput('input.geoPrecision', 'must be 1, 2 or 3.');

  const area = await referenceArea(db, input.adminAreaPcode);
  if (!area) throw badInput('input.adminAreaPcode', `unknown p-code ${input.adminAreaPcode}.`);
  if (!mission.hostCountryIso3.includes(area.countryIso3)) {
    throw badInput('input.adminAreaPcode', `${area.pcode} is in ${area.countryIso3}, not in a host country of ${mission.id} (${mission.hostCountryIso3.join(', ')}).`);
  }
  const admin1 = area.parentPcode ? ((await referenceArea(db, area.parentPcode)) ?? area) : area;

  if (!Number.isFinite(input.latitude) || input.latitude < -90 || input.latitude > 90) throw badInput('input.latitude', 'must be between -90 and 90.');
  if (!Number.isFinite(input.longitude) || input.longitude < -180 || input.longitude > 180) throw badInput('input.longitude', 'must be between -180 and 180.');
  const bounds = COUNTRY_BOUNDS[area.countryIso3];
  if (bounds) {
    if (input.latitude < bounds.minLatitude || input.latitude > bounds.maxLatitude) {
      throw badInput('input.latitude', `${input.latitude} is outside the bounding box of ${area.countryIso3} (${bounds.minLatitude} to ${bounds.maxLatitude}).`);
    }
    if (input.longitude < bounds.minLongitude || input.longitude > bounds.maxLongitude) {
      throw badInput('input.longitude', `${input.longitude} is outside the bounding box of ${area.countryIso3} (${bounds.minLongitude} to ${bounds.maxLongitude}).`);
    }
  }

  if (!Number.isInteger(input.fatalities) || input.fatalities < 0) throw badInput('input.fatalities', 'must be a whole number, 0 or more.');

  if (input.localType === IncidentLocalType.CEASEFIRE_VIOLATION && !input.violatedAgreement?.trim()) {
    throw badInput('input.violatedAgreement', 'is required for a CEASEFIRE_VIOLATION.');
  }
  if (input.violatedAgreement && input.localType !== IncidentLocalType.CEASEFIRE_VIOLATION) {
    throw badInput('input.violatedAgreement', 'is only for localType CEASEFIRE_VIOLATION.');
  }
  if (input.summary && input.summary.length > 4000) throw badInput('input.summary', 'must be at most 4000 characters.');
  (input.tags ?? []).forEach((tag, i) => {
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(tag)) throw badInput(`input.tags[${i}]`, 'use lowercase letters, digits and hyphens (at most 40).');
  });

  (input.actors ?? []).forEach((actor, i) => {
    if (!actor.name.trim()) throw badInput(`input.actors[${i}].name`, 'must not be empty.');
    if (actor.side !== 1 && actor.side !== 2) throw badInput(`input.actors[${i}].side`, 'must be 1 or 2.');
  });

  const seen = new Set<string>();
  let killed = 0;
  (input.casualties ?? []).forEach((c, i) => {
    const path = `input.casualties[${i}]`;
    if (seen.has(`${c.group}|${c.outcome}`)) throw badInput(path, `${c.group} ${c.outcome} is given twice.`);
    seen.add(`${c.group}|${c.outcome}`);
    for (const part of ['total', 'female', 'male', 'children'] as const) {
      const value = c[part];
      if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 0)) throw badInput(`${path}.${part}`, 'must be a whole number, 0 or more.');
    }
    if ((c.female ?? 0) + (c.male ?? 0) > c.total) throw badInput(`${path}.total`, 'is less than female + male.');
    if ((c.children ?? 0) > c.total) throw badInput(`${path}.children`, 'is more than total.');
    if (c.outcome === CasualtyOutcome.KILLED) killed += c.total;
  });
  if (input.casualties?.length && killed !== input.fatalities) {
    throw badInput('input.fatalities', `is ${input.fatalities} but the KILLED casualty counts add up to ${killed}.`);
  }

  (input.victims ?? []).forEach((v, i) => {
    if (!v.fullName.trim()) throw badInput(`input.victims[${i}].fullName`, 'must not be empty.');
    if (v.age !== null && v.age !== undefined && (!Number.isInteger(v.age) || v.age < 0 || v.age > 120)) throw badInput(`input.victims[${i}].age`, 'must be 0–120.');
  });
  (input.perpetrators ?? []).forEach((p, i) => {
    if (!p.actorName.trim()) throw badInput(`input.perpetrators[${i}].actorName`, 'must not be empty.');
  });
  return { mission, area, admin1 };
}
