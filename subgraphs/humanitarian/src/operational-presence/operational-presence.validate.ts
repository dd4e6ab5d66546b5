import { badInput, calendarDate, type Db } from '@peacegraph/kit';
import { admin1Of, knownArea, missionForArea } from '../places';
import type { OperationalPresenceInput, PeopleBySexAndAgeInput } from './operational-presence.inputs';
import type { NewOperationalPresenceRow } from './operational-presence.table';

const MAX_TEXT = 2000;

export function checkDate(field: string, value: string): void {
  calendarDate(field, value);
}

export function checkText(field: string, value: string | null | undefined, required = false): string | null {
  const text = value?.trim() ?? '';
  if (required && !text) throw badInput(field, 'is required.');
  if (text.length > MAX_TEXT) throw badInput(field, `must be at most ${MAX_TEXT} characters.`);
  return text || null;
}

interface People {
  total: number;
  femaleChildren: number | null;
  maleChildren: number | null;
  femaleAdults: number | null;
  maleAdults: number | null;
}

/** Total and/or the four sex × age parts; counts are non-negative; given both, they must add up. */
function people(field: string, input: PeopleBySexAndAgeInput): People {
  const parts = ['femaleChildren', 'maleChildren', 'femaleAdults', 'maleAdults'] as const;
  for (const name of ['total', ...parts] as const) {
    const value = input[name];
    if (value !== null && value !== undefined && value < 0) throw badInput(`${field}.${name}`, 'must not be negative.');
  }
  const given = parts.filter((p) => input[p] !== null && input[p] !== undefined);
  if (given.length > 0 && given.length < parts.length) {
    const missing = parts.find((p) => !given.includes(p))!;
    throw badInput(`${field}.${missing}`, 'give all four sex and age groups, or none.');
  }
  const sum = given.length ? parts.reduce((s, p) => s + (input[p] ?? 0), 0) : null;
  const total = input.total ?? sum;
  if (total === null || total === undefined) throw badInput(`${field}.total`, 'give the total or the four sex and age groups.');
  if (sum !== null && sum !== total) throw badInput(`${field}.total`, `is ${total} but the sex and age groups add up to ${sum}.`);
  return {
    total,
    femaleChildren: input.femaleChildren ?? null,
    maleChildren: input.maleChildren ?? null,
    femaleAdults: input.femaleAdults ?? null,
    maleAdults: input.maleAdults ?? null,
  };
}

/** Input → the row's columns (without id and owner), or BAD_USER_INPUT naming the first bad field. */
export async function validatePresenceInput(db: Db, input: OperationalPresenceInput): Promise<Omit<NewOperationalPresenceRow, 'id' | 'organizationId'>> {
  const pcode = input.adminAreaPcode.trim().toUpperCase();
  const area = await knownArea(db, pcode);
  if (!area) throw badInput('input.adminAreaPcode', `${input.adminAreaPcode} is not a known p-code.`);
  checkDate('input.periodStart', input.periodStart);
  checkDate('input.periodEnd', input.periodEnd);
  if (input.periodEnd < input.periodStart) throw badInput('input.periodEnd', 'must not be before periodStart.');
  const targeted = people('input.targeted', input.targeted);
  const reached = people('input.reached', input.reached);
  const reachedExplanation = checkText('input.reachedExplanation', input.reachedExplanation);
  if (reached.total > targeted.total && !reachedExplanation) {
    throw badInput('input.reachedExplanation', `${reached.total} reached is more than ${targeted.total} targeted: explain why.`);
  }
  return {
    cluster: input.cluster,
    adminAreaPcode: pcode,
    admin1Pcode: admin1Of(area),
    adminLevel: area.level,
    countryIso3: area.countryIso3,
    missionId: missionForArea(area),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    status: input.status,
    targetedTotal: targeted.total,
    targetedFemaleChildren: targeted.femaleChildren,
    targetedMaleChildren: targeted.maleChildren,
    targetedFemaleAdults: targeted.femaleAdults,
    targetedMaleAdults: targeted.maleAdults,
    reachedTotal: reached.total,
    reachedFemaleChildren: reached.femaleChildren,
    reachedMaleChildren: reached.maleChildren,
    reachedFemaleAdults: reached.femaleAdults,
    reachedMaleAdults: reached.maleAdults,
    reachedExplanation,
    remarks: checkText('input.remarks', input.remarks),
    source: 'reported',
  };
}
