import { VerificationStatus as V } from '../incident/incident.type';

/**
 * The verification workflow: reported → under verification → verified | refuted. A closed
 * case is reopened (back to under verification) when new information arrives; nothing
 * else moves, and nothing skips verification.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<V, readonly V[]>> = {
  [V.REPORTED]: [V.UNDER_VERIFICATION],
  [V.UNDER_VERIFICATION]: [V.VERIFIED, V.REFUTED],
  [V.VERIFIED]: [V.UNDER_VERIFICATION],
  [V.REFUTED]: [V.UNDER_VERIFICATION],
};

export function isAllowedTransition(from: V, to: V): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
