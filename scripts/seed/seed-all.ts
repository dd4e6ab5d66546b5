// Fills an empty database (and tops up a partial one) without ever duplicating rows:
// the real UN files when ../shared/data is present, a shipped excerpt otherwise, plus the
// clearly labelled generated data for what no public file covers, and the agreements.
import { sql } from 'drizzle-orm';
import { bulkLoader, sharedDataDir, type Database } from '@peacegraph/kit';
import { SUBGRAPH_MANIFESTS } from '../../subgraphs/manifests';
import { seedAgreements } from './agreements';

export interface SeedSummary {
  lines: string[];
}

/**
 * `scale` (benchmarks' --scale, issue 19) multiplies the generated data: incidents and every
 * record keyed by one, 3W rows, access constraints, displacement rounds, and funding flows
 * (generated ones, labelled so, beside the imported FTS flows). The real UN/OCHA rows are
 * imported as they are. A scaled seed loads through COPY on PostgreSQL; ×1 keeps the
 * multi-row INSERTs it always had.
 */
export async function seedAll(database: Database, dataDir = sharedDataDir, options: { scale?: number } = {}): Promise<SeedSummary> {
  const db = database.db;
  const lines: string[] = [];
  const agreements = await seedAgreements(db);
  lines.push(`agreements: ${agreements.inserted} inserted, ${agreements.updated} updated from schema/agreements.json`);
  const scale = options.scale ?? 1;
  const load = scale === 1 ? undefined : bulkLoader(database);
  // In the manifests' order (missions, whose real rows the others refer to, first).
  for (const manifest of SUBGRAPH_MANIFESTS) {
    const started = Date.now();
    const subgraphLines = await (await manifest.load()).seed(db, { dataDir, scale, load });
    // A scaled seed (benchmarks) says how long each subgraph took, on its last line.
    if (scale > 1 && subgraphLines.length) subgraphLines.push(`${subgraphLines.pop()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    lines.push(...subgraphLines);
  }
  if (scale > 1) {
    // A bulk import leaves the planner statistics of the loaded tables stale until (auto)ANALYZE
    // gets there — never, on a server with autovacuum off — so plans chosen for a handful of rows
    // would serve ×N of them. Analyze what was loaded, as a real bulk import would (issue 19).
    const started = Date.now();
    await database.db.execute(sql`analyze`);
    lines.push(`analyze after the bulk load in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { lines };
}
