import { readCsv, type CsvRow } from '@peacegraph/kit';

/** What one importer run did with one file: every row read is inserted, updated, unchanged or rejected. */
export interface ImportFileReport {
  file: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
  /** Sum of the USD amounts of the accepted rows (exact decimal), where the file has one. */
  totalUsd: string | null;
}

export function emptyReport(file: string): ImportFileReport {
  return { file, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], totalUsd: null };
}

export function reject(report: ImportFileReport, line: number, reason: string): void {
  report.rejected++;
  report.rejections.push({ line, reason });
}

/** The rows of one FTS file; a row the CSV reader could not use counts as read and rejected. */
export function readRows(report: ImportFileReport, file: string): CsvRow[] {
  const csv = readCsv(file);
  for (const { line, reason } of csv.rejected) {
    report.read++;
    reject(report, line, reason);
  }
  return csv.rows;
}

/** Same values field by field (numeric strings, dates, arrays compared as stored)? */
export function sameRow(a: Record<string, unknown>, b: Record<string, unknown>, ignore: readonly string[] = []): boolean {
  for (const key of Object.keys(a)) {
    if (ignore.includes(key)) continue;
    if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) return false;
  }
  return true;
}

export function formatReport(r: ImportFileReport): string {
  return `${r.file}: read ${r.read}, inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}${r.totalUsd ? `, USD ${r.totalUsd}` : ''}`;
}
