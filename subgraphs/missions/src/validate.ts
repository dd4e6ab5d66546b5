import { badInput, isCalendarDate } from '@peacegraph/kit';


/** A real calendar date YYYY-MM-DD, or BAD_USER_INPUT naming the field. */
export function isoDate(field: string, value: string): string {
  if (!isCalendarDate(value)) {
    throw badInput(field, `must be a date YYYY-MM-DD, got '${value}'.`);
  }
  return value;
}

export function requiredText(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (!text) throw badInput(field, 'must not be empty.');
  if (text.length > maxLength) throw badInput(field, `must be at most ${maxLength} characters.`);
  return text;
}
