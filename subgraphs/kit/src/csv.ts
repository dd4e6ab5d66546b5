import { readFileSync } from 'node:fs';
import { parse, type InfoRecord, type Options } from 'csv-parse/sync';

/** One data row of a CSV file, by header name, with where it came from. */
export interface CsvRow {
  /** 1-based line on which the row starts (the header is line 1). */
  line: number;
  /** Each cell trimmed; a quoted cell keeps its commas, doubled quotes and line breaks. */
  values: Readonly<Record<string, string>>;
  /** The row exactly as written in the file, without its line break (lets a fallback cutter copy rows byte for byte). */
  raw: string;
}

/** A row the reader could not use, with the line it starts on. */
export interface CsvRejection {
  line: number;
  reason: string;
}

export interface CsvFile {
  header: string[];
  /** The header line as written. */
  headerRaw: string;
  rows: CsvRow[];
  /** Rows the parser could not read (broken quoting, wrong number of fields). */
  rejected: CsvRejection[];
}

/** The file is not the CSV we expect at all (empty, or a required column missing): nothing in it can be imported. */
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
 * Reads a whole CSV file (RFC 4180 through csv-parse; the files are a few hundred KB; a
 * leading byte-order mark is dropped) and checks that its header has every column in
 * `requiredColumns`. A malformed row is rejected with its line number; it never stops the
 * rows around it from being read.
 */
export function readCsv(file: string, requiredColumns: readonly string[] = []): CsvFile {
  return parseCsv(readFileSync(file), requiredColumns, file);
}

/** {@link readCsv} over text already in memory; `name` is what an error calls it. */
export function parseCsv(input: string | Buffer, requiredColumns: readonly string[] = [], name = 'the CSV'): CsvFile {
  const rejected: CsvRejection[] = [];
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
  const records = parse(input, options) as unknown as ParsedRecord[];

  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) throw new CsvHeaderError(`${name} is empty`);
  const header = headerRecord.fields.map((column) => column.trim());
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new CsvHeaderError(`${name} lacks the column(s) ${missing.join(', ')}`);

  const rows: CsvRow[] = [];
  for (const record of dataRecords) {
    if (record.fields.length !== header.length) {
      rejected.push({ line: record.line, reason: `expected ${header.length} fields, found ${record.fields.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, index) => {
      values[column] = (record.fields[index] ?? '').trim();
    });
    rows.push({ line: record.line, values, raw: record.raw });
  }
  return { header, headerRaw: headerRecord.raw, rows, rejected: rejected.sort((a, b) => a.line - b.line) };
}

/** csv-parse counts lines up to the end of a record; a report should name the line it starts on. */
function toParsedRecord(entry: RawRecord, lastLine: number): ParsedRecord {
  // The raw text also carries the blank lines skipped before the record and its line break
  // (with CRLF files the `\n` of the previous break can lead it).
  const raw = entry.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  const extraLines = raw.split('\n').length - 1;
  return { line: lastLine - extraLines, raw, fields: entry.record };
}
