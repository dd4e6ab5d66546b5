/**
 * Field readers shared by the importers. Each returns the clean value or throws
 * `RowRejected` with a reason a person can act on; the importer turns that into a rejection
 * for the row's line and goes on with the next row.
 */
export class RowRejected extends Error {
  override name = 'RowRejected';
}

export function requiredText(values: Readonly<Record<string, string>>, column: string): string {
  const value = (values[column] ?? '').trim();
  if (value === '') throw new RowRejected(`missing ${column}`);
  return value;
}

export function optionalText(values: Readonly<Record<string, string>>, column: string): string | null {
  const value = (values[column] ?? '').trim();
  return value === '' ? null : value;
}

export function year(values: Readonly<Record<string, string>>, column: string): number {
  const text = requiredText(values, column);
  const parsed = Number(text);
  // Peacekeeping starts in 1948; anything outside this window is a typo, not history.
  if (!/^\d{4}$/.test(text) || parsed < 1945 || parsed > 2100) throw new RowRejected(`${column} '${text}' is not a year`);
  return parsed;
}

/** A calendar date written YYYY-MM-DD (and actually existing: no 2021-02-30). */
export function isoDate(values: Readonly<Record<string, string>>, column: string): string {
  const text = requiredText(values, column);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(`${text}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new RowRejected(`${column} '${text}' is not a YYYY-MM-DD date`);
  }
  return text;
}

/** A count or yearly average: non-negative, at most two decimals kept (the column is numeric(10,2)). */
export function nonNegativeDecimal(values: Readonly<Record<string, string>>, column: string): string {
  const text = requiredText(values, column);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RowRejected(`${column} '${text}' is not a non-negative number`);
  const parsed = Number(text);
  if (parsed >= 1e8) throw new RowRejected(`${column} '${text}' is too large`);
  return parsed.toFixed(2);
}

export function optionalNonNegativeInteger(values: Readonly<Record<string, string>>, column: string): number | null {
  const text = optionalText(values, column);
  if (text === null) return null;
  if (!/^\d{1,9}$/.test(text)) throw new RowRejected(`${column} '${text}' is not a whole number`);
  return Number(text);
}

export function coordinate(values: Readonly<Record<string, string>>, column: string, limit: 90 | 180): number {
  const text = requiredText(values, column);
  const parsed = Number(text);
  if (!/^-?\d+(\.\d+)?$/.test(text) || Math.abs(parsed) > limit) {
    throw new RowRejected(`${column} '${text}' is not a coordinate within ±${limit}`);
  }
  return parsed;
}

/** Remembers natural keys already read in this file: a second row with the same key is rejected, not merged. */
export class SeenKeys {
  private readonly firstLine = new Map<string, number>();

  claim(key: string, line: number, describe: string): void {
    const first = this.firstLine.get(key);
    if (first !== undefined) throw new RowRejected(`duplicate ${describe} (first read on line ${first})`);
    this.firstLine.set(key, line);
  }
}
