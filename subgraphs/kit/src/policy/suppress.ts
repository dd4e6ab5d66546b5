import { subgraphSetting } from '../env';

let threshold: number | undefined;

/**
 * Counts below this are reported as suppressed in aggregates for callers outside the data's
 * scope (applied by disclosure.ts, the one place served counts are decided). At least
 * MIN_SUPPRESSION_THRESHOLD (3). Read on first use, not at import: a subgraph process checks
 * its whole environment first and stops with one line on a bad value (scripts/services/subgraph.ts),
 * which a throw while modules load would turn into a stack trace.
 */
export function suppressionThreshold(): number {
  return (threshold ??= subgraphSetting('SUPPRESSION_THRESHOLD') ?? 5);
}
