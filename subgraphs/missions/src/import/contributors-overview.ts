/** One entry of a Geo-PKO `year.overview`: "Rwanda (1600)" or "Zambia (size unknown)". */
export interface OverviewEntry {
  name: string;
  size: number | null;
}

// Lazy name, so "Korea (ROK) (150)" reads as name "Korea (ROK)", size 150.
const ENTRY = /\s*(.+?)\s*\((\d+|size unknown)\)\s*(?:,|$)/y;

/**
 * Splits an overview into its entries; null when the text does not follow the
 * "Name (size), Name (size)" pattern, so a malformed overview is kept as text and flagged
 * rather than half-parsed.
 */
export function parseContributorsOverview(overview: string): OverviewEntry[] | null {
  const text = overview.trim();
  if (text === '') return [];
  const entries: OverviewEntry[] = [];
  ENTRY.lastIndex = 0;
  while (ENTRY.lastIndex < text.length) {
    const match = ENTRY.exec(text);
    if (!match) return null;
    const [, name = '', size = ''] = match;
    entries.push({ name, size: size === 'size unknown' ? null : Number(size) });
  }
  return entries;
}
