import type { CsvRow, Db } from '@peacegraph/kit';
import { countryIso3ByName, NON_COUNTRY_NAMES } from '@peacegraph/reference';
import { contributions } from '../contribution/contribution.table';
import { ensureMissions, isDerivableAcronym } from './ensure-missions';
import type { ImportReport, WarningTally } from './import-report';
import { importReport, readRows } from './read-rows';
import { nonNegativeDecimal, requiredText, RowRejected, year } from './row-values';
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
  const read = readRows(file, CONTRIBUTION_COLUMNS, {
    toRow: toContribution,
    key: (c) => ({ key: [c.missionId, c.contributorName, c.year].join('|'), describe: `${c.contributorName} in ${c.missionId} ${c.year}` }),
    sighting: (c) => ({ missionId: c.missionId, year: c.year }),
  });
  return db.transaction(async (tx) => {
    const missionsCreated = await ensureMissions(tx, read.sightings);
    const counts = await upsertCountingChanges(
      tx,
      {
        table: contributions,
        conflictTarget: [contributions.missionId, contributions.contributorName, contributions.year, contributions.personnelType],
        updateColumns: [contributions.contributorIso3, contributions.female, contributions.male, contributions.total],
      },
      read.rows,
    );
    return importReport(read, counts, missionsCreated);
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
