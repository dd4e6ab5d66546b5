import { subgraphSetting } from '../env';

/**
 * Counts below this are reported as suppressed in aggregates for callers outside the data's
 * scope (applied by disclosure.ts, the one place served counts are decided). At least 2 (a threshold of 1 or less suppresses nothing); a bad value stops start-up.
 */
export const SUPPRESSION_THRESHOLD = subgraphSetting('SUPPRESSION_THRESHOLD') ?? 5;
