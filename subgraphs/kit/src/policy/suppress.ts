/** Counts below this are reported as suppressed in aggregates for callers outside the data's scope. */
export const SUPPRESSION_THRESHOLD = Number(process.env.SUPPRESSION_THRESHOLD ?? 5);

export interface SuppressibleCount {
  value: number | null;
  suppressed: boolean;
}

/** The one place small counts are suppressed (re-identification risk in small areas). */
export function suppressCount(value: number, suppress: boolean, threshold = SUPPRESSION_THRESHOLD): SuppressibleCount {
  if (suppress && value > 0 && value < threshold) return { value: null, suppressed: true };
  return { value, suppressed: false };
}
