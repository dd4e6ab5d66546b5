import { badInput } from './errors';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a date written YYYY-MM-DD that exists on the calendar. A shape check alone lets
 * 2025-02-30 through (JavaScript's Date rolls it over to March), and PostgreSQL then refuses it
 * inside the query: an internal error instead of the caller's mistake.
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `value` is not a calendar date, or null when it is one. */
export function calendarDateProblem(value: string): string | null {
  if (isCalendarDate(value)) return null;
  if (!DATE_SHAPE.test(value)) return 'must be a date YYYY-MM-DD.';
  return `must be a date YYYY-MM-DD that exists (${JSON.stringify(value.slice(0, 20))} does not).`;
}

/** `value` if it is a calendar date, else BAD_USER_INPUT naming `field`. */
export function calendarDate(field: string, value: string): string {
  const problem = calendarDateProblem(value);
  if (problem) throw badInput(field, problem);
  return value;
}
