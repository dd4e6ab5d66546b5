import { readFileSync } from 'node:fs';
import { parse, type InfoRecord, type Options } from 'csv-parse/sync';
import type { Rejection } from './import-report';

/** One data row of a CSV file, by header name, with where it came from. */
export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  values: Readonly<Record<string, string>>;
  /** The row exactly as written in the file (lets the fallback cutter copy rows byte for byte). */
  raw: string;
}

export interface CsvFile {
  header: string[];
  /** The header line as written. */
  headerRaw: string;
  rows: CsvRow[];
  /** Rows the parser could not read (broken quoting, wrong number of fields). */
  rejected: Rejection[];
}

/** The file is not the CSV we expect at all (wrong header): nothing in it can be imported. */
export class CsvHeaderError extends Error {
  override name = 'CsvHeaderError';
}

interface RawRecord {
  record: string[];
  raw: string;
}

interface ParsedRecord {
  line: number;
  raw: string;
  fields: string[];
}

/**
 * Reads a whole CSV file (the files are a few hundred KB) and checks that its header has
 * every column in `requiredColumns`. A malformed row is rejected with its line number; it
 * never stops the rows around it from being read.
 */
export function readCsv(file: string, requiredColumns: readonly string[]): CsvFile {
  const rejected: Rejection[] = [];
  const options: Options = {
    bom: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // With `raw`, csv-parse hands each record over as { record, raw } (its types do not say so).
    on_record: ((entry: RawRecord, context: InfoRecord) => toParsedRecord(entry, context.lines)) as unknown as Options['on_record'],
    on_skip: (error) => {
      const line = typeof error?.lines === 'number' ? error.lines : 0;
      rejected.push({ line, reason: `unreadable CSV row: ${error?.message ?? 'parse error'}` });
      return undefined;
    },
  };
  const records = parse(readFileSync(file), options) as unknown as ParsedRecord[];

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) throw new CsvHeaderError(`${file} is empty`);
  const header = headerRecord.fields.map((name) => name.trim());
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new CsvHeaderError(`${file} lacks the column(s) ${missing.join(', ')}`);

  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    if (record.fields.length !== header.length) {
      rejected.push({ line: record.line, reason: `expected ${header.length} fields, found ${record.fields.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = record.fields[index] ?? '';
    });
    rows.push({ line: record.line, values, raw: record.raw });
  }
  return { header, headerRaw: headerRecord.raw, rows, rejected: rejected.sort((a, b) => a.line - b.line) };
}

/** csv-parse counts lines up to the end of a record; a report should name the line it starts on. */
function toParsedRecord(entry: RawRecord, lastLine: number): ParsedRecord {
  // The raw text also carries the blank lines skipped before the record and its line break.
  const raw = entry.raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  const extraLines = raw.split('\n').length - 1;
  return { line: lastLine - extraLines, raw, fields: entry.record };
}
