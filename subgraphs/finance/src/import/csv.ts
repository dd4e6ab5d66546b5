import { readFileSync } from 'node:fs';

export interface CsvRecord {
  /** 1-based line on which the record starts (for import reports). */
  line: number;
  values: Record<string, string>;
  /** The record's original text, byte for byte (the fallback excerpt copies it unchanged). */
  raw: string;
}

export interface CsvFile {
  header: string[];
  headerRaw: string;
  records: CsvRecord[];
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks (FTS
 * descriptions do). A leading byte-order mark is dropped.
 */
export function parseCsv(text: string): CsvFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { fields: string[]; line: number; start: number; end: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      const end = i;
      if (c === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line: recordLine, start: recordStart, end });
      fields = [];
      field = '';
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else field += c;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ fields, line: recordLine, start: recordStart, end: source.length });
  }
  const [head, ...body] = rows;
  if (!head) return { header: [], headerRaw: '', records: [] };
  const header = head.fields.map((h) => h.trim());
  return {
    header,
    headerRaw: source.slice(head.start, head.end),
    records: body.map((r) => ({
      line: r.line,
      raw: source.slice(r.start, r.end),
      values: Object.fromEntries(header.map((h, i) => [h, (r.fields[i] ?? '').trim()])),
    })),
  };
}

export function readCsvFile(file: string): CsvFile {
  return parseCsv(readFileSync(file, 'utf8'));
}
