import { readCsv, type CsvRow } from '@peacegraph/kit';
import { MissionSightings } from './ensure-missions';
import { WarningTally, type ChangeCounts, type ImportReport, type Rejection } from './import-report';
import { RowRejected, SeenKeys } from './row-values';

/** How one importer reads a row of its file. */
export interface RowReader<T> {
  /** The clean row, or throws `RowRejected` with a reason a person can act on. */
  toRow(row: CsvRow, warnings: WarningTally): T;
  /** The row's natural key, and how a second row with that key is named in its rejection. */
  key(row: T): { key: string; describe: string };
  /** The mission the row shows running, and in which year (missions are created from these). */
  sighting(row: T): { missionId: string; year: number };
}

/** A data file read: its clean rows, the lines rejected and why, caveats, and the missions seen. */
export interface FileRows<T> {
  file: string;
  rows: T[];
  /** Data rows in the file, kept or rejected. */
  read: number;
  rejected: Rejection[];
  warnings: WarningTally;
  sightings: MissionSightings;
}

/** Reads every row of `file` through `reader`; a rejected row is reported by line and the next is read. */
export function readRows<T>(file: string, columns: readonly string[], reader: RowReader<T>): FileRows<T> {
  const csv = readCsv(file, columns);
  const rejected: Rejection[] = [...csv.rejected];
  const warnings = new WarningTally();
  const sightings = new MissionSightings();
  const seen = new SeenKeys();
  const rows: T[] = [];
  for (const row of csv.rows) {
    try {
      const clean = reader.toRow(row, warnings);
      const { key, describe } = reader.key(clean);
      seen.claim(key, row.line, describe);
      const { missionId, year } = reader.sighting(clean);
      sightings.see(missionId, year);
      rows.push(clean);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }
  return { file, rows, read: csv.rows.length + csv.rejected.length, rejected, warnings, sightings };
}

/** The importer's report once the rows are written (rejections in file order). */
export function importReport(read: FileRows<unknown>, counts: ChangeCounts, missionsCreated: string[]): ImportReport {
  return {
    file: read.file,
    read: read.read,
    inserted: counts.inserted,
    updated: counts.updated,
    unchanged: counts.unchanged,
    rejected: [...read.rejected].sort((a, b) => a.line - b.line),
    missionsCreated,
    warnings: read.warnings.list(),
  };
}
