import type { CsvRow, Db } from '@peacegraph/kit';
import { countryIso3ByName, NON_COUNTRY_NAMES } from '@peacegraph/reference';
import { fatalities } from '../fatality/fatality.table';
import { ensureMissions, isDerivableAcronym } from './ensure-missions';
import type { ImportReport, WarningTally } from './import-report';
import { importReport, readRows } from './read-rows';
import { isoDate, optionalText, requiredText, RowRejected } from './row-values';
import { upsertCountingChanges } from './upsert';

export const FATALITY_COLUMNS = [
  'incident_date',
  'casualty_id',
  'mission_acronym',
  'casualty_nationality',
  'casualty_personnel_type',
  'type_of_incident',
  'gender',
  'isocode3',
] as const;

export type IncidentType = 'MALICIOUS_ACT' | 'ACCIDENT' | 'ILLNESS' | 'SELF_INFLICTED' | 'OTHER';

/** Every `type_of_incident` in the DPO file (2025-04-04). An unseen value is rejected so a change in the source gets noticed. */
const INCIDENT_TYPES: Record<string, IncidentType> = {
  'malicious act': 'MALICIOUS_ACT',
  accident: 'ACCIDENT',
  illness: 'ILLNESS',
  'self-inflicted': 'SELF_INFLICTED',
  'to be determined': 'OTHER',
  unknown: 'OTHER',
};

/** The file's own marker for an unknown nationality, also used where the field is empty. */
const UNDETERMINED_NATIONALITY = 'ZZ [Undetermined]';

type FatalityInsert = typeof fatalities.$inferInsert;

/** UN peacekeeping fatalities (un-peacekeeping-fatalities.csv), keyed by `casualty_id`. */
export async function importFatalities(db: Db, file: string): Promise<ImportReport> {
  const read = readRows(file, FATALITY_COLUMNS, {
    toRow: toFatality,
    key: (f) => ({ key: f.casualtyId, describe: `casualty_id ${f.casualtyId}` }),
    sighting: (f) => ({ missionId: f.missionId, year: Number(f.incidentDate.slice(0, 4)) }),
  });
  return db.transaction(async (tx) => {
    const missionsCreated = await ensureMissions(tx, read.sightings);
    const counts = await upsertCountingChanges(
      tx,
      {
        table: fatalities,
        conflictTarget: [fatalities.casualtyId],
        updateColumns: [
          fatalities.incidentDate,
          fatalities.missionId,
          fatalities.personnelType,
          fatalities.nationality,
          fatalities.nationalityIso3,
          fatalities.incidentType,
          fatalities.gender,
        ],
      },
      read.rows,
    );
    return importReport(read, counts, missionsCreated);
  });
}

function toFatality({ values }: CsvRow, warnings: WarningTally): FatalityInsert {
  const casualtyId = requiredText(values, 'casualty_id');
  const incidentDate = isoDate(values, 'incident_date');
  const missionId = requiredText(values, 'mission_acronym');
  if (!isDerivableAcronym(missionId)) throw new RowRejected(`mission_acronym '${missionId}' is not a mission acronym`);
  const rawIncidentType = requiredText(values, 'type_of_incident');
  const incidentType = INCIDENT_TYPES[rawIncidentType.toLowerCase()];
  if (!incidentType) throw new RowRejected(`unknown type_of_incident '${rawIncidentType}'`);
  let nationality = optionalText(values, 'casualty_nationality');
  if (nationality === null) {
    warnings.add(`empty casualty_nationality stored as '${UNDETERMINED_NATIONALITY}'`);
    nationality = UNDETERMINED_NATIONALITY;
  }
  return {
    casualtyId,
    incidentDate,
    missionId,
    // As published ("Military", "Police", "Local", …), trailing blanks trimmed.
    personnelType: requiredText(values, 'casualty_personnel_type'),
    nationality,
    nationalityIso3: optionalText(values, 'isocode3') ?? nationalityIso3(nationality, warnings),
    incidentType,
    gender: optionalText(values, 'gender'),
  };
}

/** The file leaves isocode3 empty for a few nationalities; fill those from the catalogue, never by guessing. */
function nationalityIso3(nationality: string, warnings: WarningTally): string | null {
  const iso3 = countryIso3ByName(nationality);
  if (!iso3 && !NON_COUNTRY_NAMES.has(nationality)) warnings.add(`nationality '${nationality}' is not in the country catalogue`);
  return iso3 ?? null;
}
