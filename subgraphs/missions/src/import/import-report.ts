/** A data row that was not imported, and why. */
export interface Rejection {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reason: string;
}

/** What one importer did with one file. `read` = inserted + updated + unchanged + rejected. */
export interface ImportReport {
  file: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  /** Missions the rows referenced that did not exist yet and were created (curated or derived). */
  missionsCreated: string[];
  /** Rows imported with a caveat (unknown country name, empty field filled in), summarised. */
  warnings: string[];
}

/** Inserted / updated / unchanged counts of one upsert. */
export interface ChangeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export function addCounts(a: ChangeCounts, b: ChangeCounts): ChangeCounts {
  return { inserted: a.inserted + b.inserted, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

export const NO_CHANGES: ChangeCounts = { inserted: 0, updated: 0, unchanged: 0 };

/** Collects warnings as "message (N rows)" so a thousand identical caveats read as one line. */
export class WarningTally {
  private readonly counts = new Map<string, number>();

  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }

  list(): string[] {
    return [...this.counts].map(([message, count]) => (count === 1 ? message : `${message} (${count} rows)`));
  }
}
