import { badInput } from '@peacegraph/kit';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date YYYY-MM-DD, or BAD_USER_INPUT naming the field. */
export function isoDate(field: string, value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
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
