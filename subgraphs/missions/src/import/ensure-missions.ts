import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { catalogueMission, type MissionReference } from '@peacegraph/reference';
import { missions, type MissionRow } from '../mission/mission.table';

/** Missions seen in the data files since this year are assumed to still run unless the catalogue says otherwise. */
export const DERIVED_ACTIVE_SINCE_YEAR = 2020;

/**
 * What a data file's acronym must look like before we create a mission for it: capitals
 * first (UNMISS, OSESyria, UNSecretariat), optionally a roman numeral (UNAVEM III).
 * Anything else (digits, punctuation, blanks) is a broken row, not a mission.
 */
const DERIVABLE_ACRONYM = /^[A-Z][A-Za-z]{1,19}( [IVX]{1,4})?$/;

export function isDerivableAcronym(acronym: string): boolean {
  return catalogueMission(acronym) !== undefined || DERIVABLE_ACRONYM.test(acronym);
}

/** First and last year a mission shows up in one data file. */
export class MissionSightings {
  private readonly years = new Map<string, { first: number; last: number }>();

  see(acronym: string, year: number): void {
    const span = this.years.get(acronym);
    if (!span) this.years.set(acronym, { first: year, last: year });
    else this.years.set(acronym, { first: Math.min(span.first, year), last: Math.max(span.last, year) });
  }

  entries(): [string, { first: number; last: number }][] {
    return [...this.years];
  }
}

/**
 * Makes sure every mission the rows reference exists before the rows go in: catalogue
 * missions as `curated`, others as `derived` (name = acronym, span from the data years).
 * Derived spans only ever widen, so the importers can run in any order and converge.
 * Returns the ids it created.
 */
export async function ensureMissions(db: Db, sightings: MissionSightings): Promise<string[]> {
  const seen = sightings.entries();
  if (seen.length === 0) return [];
  const existing = await db
    .select()
    .from(missions)
    .where(inArray(missions.id, seen.map(([acronym]) => acronym)));
  const existingById = new Map(existing.map((row) => [row.id, row]));
  const toCreate: MissionRow[] = [];
  for (const [acronym, span] of seen) {
    const current = existingById.get(acronym);
    if (!current) {
      const curated = catalogueMission(acronym);
      toCreate.push(curated ? curatedMissionRow(curated) : derivedMissionRow(acronym, span));
    } else if (current.source === 'derived') {
      // Rare (a later file widens a span): one statement per mission is fine here.
      const widened = widenDerivedSpan(current, span);
      if (widened) await db.update(missions).set(widened).where(eq(missions.id, acronym));
    }
  }
  if (toCreate.length > 0) await db.insert(missions).values(toCreate);
  return toCreate.map((row) => row.id);
}

export function curatedMissionRow(mission: MissionReference): MissionRow {
  return { ...mission, hostCountryIso3: [...mission.hostCountryIso3], source: 'curated' };
}

function derivedMissionRow(acronym: string, span: { first: number; last: number }): MissionRow {
  const active = span.last >= DERIVED_ACTIVE_SINCE_YEAR;
  return {
    id: acronym,
    acronym,
    name: acronym,
    // The files are DPO peacekeeping data; the type is unknown until someone curates the mission.
    missionType: 'PKO',
    leadOrganization: 'UN',
    hostCountryIso3: [],
    startDate: `${span.first}-01-01`,
    endDate: active ? null : `${span.last}-12-31`,
    status: active ? 'ACTIVE' : 'CLOSED',
    headquarters: null,
    source: 'derived',
  };
}

type DerivedSpan = Pick<MissionRow, 'startDate' | 'endDate' | 'status'>;

/** The union of the stored span and a new sighting, or null when the sighting adds nothing. */
function widenDerivedSpan(current: MissionRow, span: { first: number; last: number }): DerivedSpan | null {
  const storedFirst = current.startDate ? Number(current.startDate.slice(0, 4)) : span.first;
  const first = Math.min(storedFirst, span.first);
  const wasActive = current.status === 'ACTIVE';
  const storedLast = current.endDate ? Number(current.endDate.slice(0, 4)) : span.last;
  const active = wasActive || span.last >= DERIVED_ACTIVE_SINCE_YEAR;
  const next: DerivedSpan = {
    startDate: `${first}-01-01`,
    endDate: active ? null : `${Math.max(storedLast, span.last)}-12-31`,
    status: active ? 'ACTIVE' : 'CLOSED',
  };
  const same = next.startDate === current.startDate && next.endDate === current.endDate && next.status === current.status;
  return same ? null : next;
}
