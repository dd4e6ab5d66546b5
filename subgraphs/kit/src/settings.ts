import { z } from 'zod';

/**
 * The one reader of numeric settings from the environment, for the gateway and every
 * subgraph: a value that is not a whole number in range stops start-up with a message naming
 * the variable, instead of becoming NaN and silently turning a protection off (a NaN
 * suppression threshold suppresses nothing; a NaN limit admits everything).
 */
export class SettingError extends Error {
  override name = 'SettingError';
}

export interface IntSettingRange {
  min?: number;
  max?: number;
}

/** A whole number within `range` written as text (e.g. an environment variable), and how to say so. */
export function wholeNumberSetting(range: IntSettingRange = {}): { schema: z.ZodType<number, string>; expects: string } {
  const min = range.min ?? 0;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const schema = z.string().trim().regex(/^-?\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
  return { schema, expects: `a whole number ${range.max === undefined ? `≥ ${min}` : `between ${min} and ${max}`}` };
}

/** `env[name]` as a whole number within `range`, `fallback` when unset or empty. */
export function intSetting(name: string, fallback: number, range: IntSettingRange = {}, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const { schema, expects } = wholeNumberSetting(range);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new SettingError(`${name} must be ${expects}, got "${raw.slice(0, 40)}".`);
  return parsed.data;
}
