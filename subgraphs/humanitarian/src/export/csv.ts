import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet may take as the start of a formula (or of a DDE / pipe command). */
const FORMULA_START = /^[=+\-@;|\t\r\n]/;
/** Characters a reader does not see before the first visible one: spaces, zero-width and format characters. */
const INVISIBLE_PREFIX = /^[\p{Cf}\p{Z}\s]+/u;

export type CsvCell = string | number | null | undefined;

/**
 * Would a spreadsheet run this text as a formula? Also when the sign is full-width (＝, ＋, －,
 * ＠, ；, ｜ — NFKC folds them onto ASCII, as some spreadsheets do) or hidden behind invisible
 * characters (a zero-width space, a BOM, a no-break space before `=`). csv-stringify's own
 * `escape_formulas` knows only the ASCII signs, hence this guard.
 */
function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(INVISIBLE_PREFIX, '').normalize('NFKC'));
}

/**
 * Rows as RFC 4180 CSV (csv-stringify; CRLF after every row). Text that a spreadsheet would
 * run as a formula is prefixed with `'`; numbers are written as they are, even negative ones.
 */
export function toCsv(rows: CsvCell[][]): string {
  return stringify(rows, {
    record_delimiter: 'windows',
    // csv-stringify quotes `\n` but not a lone `\r`, which many readers take as a row break.
    quoted_match: /\r/,
    cast: { string: (text) => (looksLikeFormula(text) ? `'${text}` : text) },
  });
}
