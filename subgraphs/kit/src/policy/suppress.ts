import { intSetting } from '../settings';

/**
 * Counts below this are reported as suppressed in aggregates for callers outside the data's
 * scope. At least 2 (a threshold of 1 or less suppresses nothing); a bad value stops start-up.
 */
export const SUPPRESSION_THRESHOLD = intSetting('SUPPRESSION_THRESHOLD', 5, { min: 2 });

export interface SuppressibleCount {
  value: number | null;
  suppressed: boolean;
}

/** The one place small counts are suppressed (re-identification risk in small areas). */
export function suppressCount(value: number, suppress: boolean, threshold = SUPPRESSION_THRESHOLD): SuppressibleCount {
  if (suppress && value > 0 && value < threshold) return { value: null, suppressed: true };
  return { value, suppressed: false };
}
