import { badInput } from '@peacegraph/kit';
import { isoDate, requiredText } from '../validate';
import type { RecordResolutionInput } from './resolution.inputs';
import { parseResolutionSymbol } from './resolution-symbol';
import { ResolutionKind } from './resolution.type';

/** The Security Council has 15 members. */
const COUNCIL_SIZE = 15;

export interface ValidResolution {
  symbol: string;
  number: number;
  year: number;
  missionId: string;
  kind: ResolutionKind;
  adoptedOn: string;
  mandateExpiresOn: string | null;
  votesInFavour: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  summary: string;
  tasks: { category: string; text: string; priority: string }[];
  strengths: { personnelType: string; ceiling: number; includedIn: string | null }[];
}

/** Everything checkable without the database; each error names the input field. */
export function validateResolutionInput(input: RecordResolutionInput): ValidResolution {
  const symbol = input.symbol.trim();
  const parsed = parseResolutionSymbol(symbol);
  if (!parsed) throw badInput('input.symbol', `must look like 'S/RES/2709 (2023)', got '${input.symbol}'.`);
  const adoptedOn = isoDate('input.adoptedOn', input.adoptedOn);
  if (Number(adoptedOn.slice(0, 4)) !== parsed.year) {
    throw badInput('input.adoptedOn', `must fall in ${parsed.year}, the year in the symbol ${symbol}.`);
  }
  let mandateExpiresOn: string | null = null;
  if (input.mandateExpiresOn) {
    mandateExpiresOn = isoDate('input.mandateExpiresOn', input.mandateExpiresOn);
    if (mandateExpiresOn <= adoptedOn) throw badInput('input.mandateExpiresOn', `must be after adoptedOn (${adoptedOn}).`);
  } else if ((input.kind ?? ResolutionKind.RENEWAL) !== ResolutionKind.TERMINATION) {
    throw badInput('input.mandateExpiresOn', 'is required unless the resolution terminates the mandate.');
  }
  const votes = { votesInFavour: input.votesInFavour ?? null, votesAgainst: input.votesAgainst ?? null, abstentions: input.abstentions ?? null };
  for (const [name, value] of Object.entries(votes)) {
    if (value !== null && (value < 0 || value > COUNCIL_SIZE)) throw badInput(`input.${name}`, `must be between 0 and ${COUNCIL_SIZE}.`);
  }
  const given = Object.values(votes).filter((v): v is number => v !== null);
  if (given.length > 0 && given.length < 3) throw badInput('input.votesInFavour', 'give all three vote counts or none.');
  if (given.reduce((a, b) => a + b, 0) > COUNCIL_SIZE) throw badInput('input.votesInFavour', `votes add up to more than the Council's ${COUNCIL_SIZE} members.`);

  const tasks = (input.tasks ?? []).map((task, i) => ({
    category: task.category,
    text: requiredText(`input.tasks[${i}].text`, task.text, 2000),
    priority: task.priority ?? 'OTHER',
  }));

  const types = new Map<string, number>();
  (input.authorizedStrengths ?? []).forEach((strength, i) => {
    if (!Number.isInteger(strength.ceiling) || strength.ceiling < 0) {
      throw badInput(`input.authorizedStrengths[${i}].ceiling`, `must be a non-negative whole number, got ${strength.ceiling}.`);
    }
    if (types.has(strength.personnelType)) throw badInput(`input.authorizedStrengths[${i}].personnelType`, `${strength.personnelType} is given twice.`);
    types.set(strength.personnelType, strength.ceiling);
  });
  (input.authorizedStrengths ?? []).forEach((strength, i) => {
    if (!strength.includedIn) return;
    const field = `input.authorizedStrengths[${i}].includedIn`;
    const total = types.get(strength.includedIn);
    if (strength.includedIn === strength.personnelType) throw badInput(field, 'a ceiling cannot be part of itself.');
    if (total === undefined) throw badInput(field, `${strength.includedIn} is not among the ceilings given.`);
    if (strength.ceiling > total) throw badInput(`input.authorizedStrengths[${i}].ceiling`, `exceeds the ${strength.includedIn} ceiling (${total}) it is part of.`);
  });

  return {
    symbol,
    number: parsed.number,
    year: parsed.year,
    missionId: input.missionId.trim().toUpperCase(),
    kind: input.kind ?? ResolutionKind.RENEWAL,
    adoptedOn,
    mandateExpiresOn,
    ...votes,
    summary: requiredText('input.summary', input.summary, 2000),
    tasks,
    strengths: (input.authorizedStrengths ?? []).map((s) => ({ personnelType: s.personnelType, ceiling: s.ceiling, includedIn: s.includedIn ?? null })),
  };
}
