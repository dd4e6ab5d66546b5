/**
 * Codes (ISO 3166, ISO 4217, OCHA p-codes) are written in capitals, but callers type "caf" or
 * "cf431" too: an input code is read in capitals, so it means what the caller meant; output is
 * always the canonical capitals.
 */
export function inCapitals(value: unknown): unknown {
  return typeof value === 'string' ? value.toUpperCase() : value;
}
