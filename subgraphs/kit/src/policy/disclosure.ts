import { badInput } from '../errors';
import { suppressionThreshold } from './suppress';

/**
 * Statistical disclosure control: the one place every served count or total is decided
 * (docs/policy.md, "Disclosure control"). It follows the usual practice for frequency tables
 * (Hundepool et al., *Statistical Disclosure Control*, ch. 5; Eurostat / ONS threshold rule;
 * OCHA data responsibility guidelines):
 *
 * - **primary suppression** — a cell is sensitive when the part of it the caller may not
 *   list row by row (`total − visible`) is between 1 and the threshold: a public caller sees
 *   no rows, so that is the usual "small count" rule; a partner who can list some rows of a
 *   cell must not learn a small remainder by subtracting them;
 * - **secondary (complementary) suppression** — wherever a sum of cells is known to the
 *   caller (a served total, or a cell served under another filter), no suppressed cell may be
 *   recovered from it: a relation with one suppressed member, or suppressed members whose
 *   hidden parts add up to less than the threshold, gets its next-smallest member suppressed
 *   too (and, with nothing left to suppress, its total);
 * - **consistency** — decisions are made on the canonical table of a grouping, never on the
 *   part a filter selected, so the same cell has the same answer whichever request reached it.
 */

/** A served count: `value` is null exactly when `suppressed`. */
export interface DisclosedCount {
  value: number | null;
  suppressed: boolean;
}

/** One cell of a table: its true total and how much of it the caller may already list row by row. */
export interface TableCell {
  key: string;
  total: number;
  /** Rows (or amount) of this cell the caller may see anyway; 0 for a caller who lists none. */
  visible: number;
}

/**
 * A linear relation a caller can know: `members` add up to `total` (a cell key that is itself
 * served, or null when the sum is published outside this table and cannot be withheld).
 */
export interface Relation {
  members: readonly string[];
  total: string | null;
}

const hidden = (cell: TableCell) => Math.max(0, cell.total - cell.visible);

/** Primary rule: the part the caller cannot list is 0 or at least the threshold. */
export function isSensitive(cell: Pick<TableCell, 'total' | 'visible'>, threshold = suppressionThreshold()): boolean {
  const h = hidden(cell as TableCell);
  return h > 0 && h < threshold;
}

/**
 * Primary and complementary suppression over one table: the keys to withhold. Deterministic
 * (ties broken by key) so every request over the same data decides the same.
 */
export function suppressTable(
  cells: readonly TableCell[],
  relations: readonly Relation[] = [],
  options: { threshold?: number; alsoWithhold?: Iterable<string> } = {},
): Set<string> {
  const threshold = options.threshold ?? suppressionThreshold();
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const suppressed = new Set([...cells.filter((c) => isSensitive(c, threshold)).map((c) => c.key), ...(options.alsoWithhold ?? [])]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) {
      if (relation.total !== null && suppressed.has(relation.total)) continue; // the sum is unknown: nothing to subtract from
      const members = relation.members.map((k) => byKey.get(k)).filter((c): c is TableCell => !!c);
      const withheld = members.filter((c) => suppressed.has(c.key));
      if (withheld.length === 0) continue;
      const withheldPart = withheld.reduce((s, c) => s + hidden(c), 0);
      if (withheld.length > 1 && (withheldPart === 0 || withheldPart >= threshold)) continue;
      const candidate = members
        .filter((c) => !suppressed.has(c.key) && hidden(c) > 0)
        .sort((a, b) => hidden(a) - hidden(b) || (a.key < b.key ? -1 : 1))[0];
      if (candidate) suppressed.add(candidate.key);
      else if (relation.total !== null) suppressed.add(relation.total);
      else continue; // nothing left to withhold: the relation's sum is all there is
      changed = true;
    }
  }
  return suppressed;
}

/** The served form of a cell. */
export function disclose(total: number, suppressed: boolean): DisclosedCount {
  return suppressed ? { value: null, suppressed: true } : { value: total, suppressed: false };
}

/** A count served to everyone the same way (nobody lists its rows here): primary suppression only. */
export function discloseCount(total: number, visible = 0, threshold = suppressionThreshold()): DisclosedCount {
  return disclose(total, isSensitive({ total, visible }, threshold));
}

/**
 * Counts are grouped by month, so a date range is answered on whole months (the first and
 * last month it touches): a range ending mid-month would give a part of a month's cell and,
 * with the whole month, the rest by subtraction.
 */
export function snapToMonths(from: string | null | undefined, to: string | null | undefined): { fromMonth: string | null; toMonth: string | null } {
  return { fromMonth: from ? from.slice(0, 7) : null, toMonth: to ? to.slice(0, 7) : null };
}

/** The admin levels a p-code filter can name, from a catalogue the caller supplies. */
export type AreaLevelOf = (pcode: string) => 1 | 2 | undefined;

/**
 * A p-code filter for a table grouped at `level`: a filter finer than the grouping would
 * serve a finer area's number under the coarser label (admin1 minus it gives its siblings),
 * so it is refused, naming the problem.
 */
export function checkAreaFilter(path: string, pcode: string | null | undefined, level: 1 | 2, levelOf: AreaLevelOf): void {
  if (!pcode) return;
  const found = levelOf(pcode.toUpperCase());
  if (found !== undefined && found > level) {
    throw badInput(path, `names an admin${found} area (${pcode}) but counts are grouped by admin${level}: filter by its admin${level} area or ask adminLevel ${found}.`);
  }
}
