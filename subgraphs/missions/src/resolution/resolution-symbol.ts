/**
 * UN document symbol of a Security Council resolution: `S/RES/<number> (<year>)`, e.g.
 * `S/RES/2709 (2023)`. The year is the year of adoption (the Council has numbered its
 * resolutions consecutively since 1946, so the number alone is unique too).
 */
const SYMBOL = /^S\/RES\/([1-9]\d{0,4}) \((19[4-9]\d|2\d{3})\)$/;

export function parseResolutionSymbol(symbol: string): { number: number; year: number } | null {
  const match = SYMBOL.exec(symbol);
  if (!match) return null;
  return { number: Number(match[1]), year: Number(match[2]) };
}
