/** What a spreadsheet may take as the start of a formula (or of a DDE / pipe command). */
const FORMULA_START = /^[=+\-@;|\t\r\n]/;
/** Characters a reader does not see before the first visible one: spaces, zero-width and format characters. */
const INVISIBLE_PREFIX = /^[\p{Cf}\p{Z}\s]+/u;

/**
 * Would a spreadsheet run this text as a formula? Also when the sign is full-width (＝, ＋, －,
 * ＠, ；, ｜ — NFKC folds them onto ASCII, as some spreadsheets do) or hidden behind invisible
 * characters (a zero-width space, a BOM, a no-break space before `=`).
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_START.test(text.replace(INVISIBLE_PREFIX, '').normalize('NFKC'));
}

/** One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula is prefixed with `'`. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && looksLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
