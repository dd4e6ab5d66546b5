import { isCalendarDate, isCurrencyCode } from '@peacegraph/kit';
import { normalizeAmount } from '../money/decimal';

/** Field readers for FTS rows: each returns the value or throws a reason naming the column. */
export class RowError extends Error {}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export function optionalText(values: Record<string, string>, column: string): string | null {
  const v = values[column];
  return v ? v : null;
}

export function requiredText(values: Record<string, string>, column: string): string {
  const v = values[column];
  if (!v) throw new RowError(`${column} is empty`);
  return v;
}

export function optionalInt(values: Record<string, string>, column: string): number | null {
  const v = values[column];
  if (!v) return null;
  if (!INTEGER.test(v)) throw new RowError(`${column} is not an integer: ${v}`);
  return Number(v);
}

export function requiredInt(values: Record<string, string>, column: string): number {
  const v = optionalInt(values, column);
  if (v === null) throw new RowError(`${column} is empty`);
  return v;
}

export function optionalDate(values: Record<string, string>, column: string): string | null {
  const v = values[column];
  if (!v) return null;
  if (!isCalendarDate(v)) throw new RowError(`${column} is not a date: ${v}`);
  return v;
}

/** An amount in `currency` (FTS totals are USD) with at most its minor units, as a canonical decimal string. */
export function optionalAmount(values: Record<string, string>, column: string, currency = 'USD'): string | null {
  const v = values[column];
  if (!v) return null;
  if (!NUMBER.test(v)) throw new RowError(`${column} is not an amount: ${v}`);
  try {
    return normalizeAmount(v, currency);
  } catch {
    throw new RowError(`${column} has more decimals than ${currency} has: ${v}`);
  }
}

export function requiredAmount(values: Record<string, string>, column: string): string {
  const v = optionalAmount(values, column);
  if (v === null) throw new RowError(`${column} is empty`);
  return v;
}

/** An exchange rate with up to six decimals, as Postgres numeric(18,6) returns it. */
export function optionalRate(values: Record<string, string>, column: string): string | null {
  const v = values[column];
  if (!v) return null;
  if (!NUMBER.test(v)) throw new RowError(`${column} is not a number: ${v}`);
  const [whole, fraction = ''] = v.split('.');
  if (fraction.length > 6) throw new RowError(`${column} has more than six decimals: ${v}`);
  if (Number(v) <= 0) throw new RowError(`${column} must be positive: ${v}`);
  return `${BigInt(whole!)}.${fraction.padEnd(6, '0')}`;
}

export function optionalCurrency(values: Record<string, string>, column: string): string | null {
  const v = values[column];
  if (!v) return null;
  if (!isCurrencyCode(v)) throw new RowError(`${column} is not a known ISO 4217 code: ${v}`);
  return v;
}

export function list(values: Record<string, string>, column: string): string[] {
  const v = values[column];
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function oneOf<T extends string>(values: Record<string, string>, column: string, allowed: readonly T[]): T {
  const v = values[column] as T;
  if (!allowed.includes(v)) throw new RowError(`${column} must be one of ${allowed.join(', ')}: ${v || '(empty)'}`);
  return v;
}
