import { readCsv, type CsvRow, type Db } from '@peacegraph/kit';
import { countryIso3ByName, NON_COUNTRY_NAMES } from '@peacegraph/reference';
import { contributions } from '../contribution/contribution.table';
import { ensureMissions, isDerivableAcronym, MissionSightings } from './ensure-missions';
import { WarningTally, type ImportReport, type Rejection } from './import-report';
import { nonNegativeDecimal, requiredText, RowRejected, SeenKeys, year } from './row-values';
import { upsertCountingChanges } from './upsert';

export const CONTRIBUTION_COLUMNS = ['year', 'country', 'mission', 'female', 'male', 'total'] as const;

/** The yearly file gives uniformed personnel without splitting troops from police. */
const PERSONNEL_TYPE = 'UNIFORMED';

type ContributionInsert = typeof contributions.$inferInsert;

/**
 * Troop and police contributions per year (un-troop-police-contributions-yearly.csv), keyed
 * by mission × contributor × year × personnel type. Figures are yearly averages; `total` is
 * stored as published even where female + male differ from it by rounding.
 */
export async function importContributions(db: Db, file: string): Promise<ImportReport> {
  const csv = readCsv(file, CONTRIBUTION_COLUMNS);
  const rejected: Rejection[] = [...csv.rejected];
  const warnings = new WarningTally();
  const sightings = new MissionSightings();
  const seen = new SeenKeys();
  const rows: ContributionInsert[] = [];
  for (const row of csv.rows) {
    try {
      const contribution = toContribution(row, warnings);
      seen.claim(
        [contribution.missionId, contribution.contributorName, contribution.year].join('|'),
        row.line,
        `${contribution.contributorName} in ${contribution.missionId} ${contribution.year}`,
      );
      sightings.see(contribution.missionId, contribution.year);
      rows.push(contribution);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }
  return db.transaction(async (tx) => {
    const missionsCreated = await ensureMissions(tx, sightings);
    const counts = await upsertCountingChanges(
      tx,
      {
        table: contributions,
        conflictTarget: [contributions.missionId, contributions.contributorName, contributions.year, contributions.personnelType],
        updateColumns: [contributions.contributorIso3, contributions.female, contributions.male, contributions.total],
      },
      rows,
    );
    return {
      file,
      read: csv.rows.length + csv.rejected.length,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: rejected.sort((a, b) => a.line - b.line),
      missionsCreated,
      warnings: warnings.list(),
    };
  });
}

function toContribution({ values }: CsvRow, warnings: WarningTally): ContributionInsert {
  const missionId = requiredText(values, 'mission');
  if (!isDerivableAcronym(missionId)) throw new RowRejected(`mission '${missionId}' is not a mission acronym`);
  const contributorName = requiredText(values, 'country');
  const contributorIso3 = countryIso3ByName(contributorName) ?? null;
  if (!contributorIso3 && !NON_COUNTRY_NAMES.has(contributorName)) {
    warnings.add(`country '${contributorName}' is not in the country catalogue; stored without ISO3`);
  }
  return {
    missionId,
    contributorIso3,
    contributorName,
    year: year(values, 'year'),
    personnelType: PERSONNEL_TYPE,
    female: nonNegativeDecimal(values, 'female'),
    male: nonNegativeDecimal(values, 'male'),
    total: nonNegativeDecimal(values, 'total'),
  };
}
