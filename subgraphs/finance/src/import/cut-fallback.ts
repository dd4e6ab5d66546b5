// Cuts the small excerpt of the OCHA FTS files that ships with the repo
// (scripts/seed/fallback-fts), so a clone without ../shared still seeds finance with real
// flows. Rows are copied byte for byte under the original headers; only the selection below
// decides what goes in.
//
//   npx tsx subgraphs/finance/src/import/cut-fallback.ts      (reads ../shared/data or SHARED_DATA_DIR)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, sharedDataDir, type CsvRow } from '@peacegraph/kit';
import { organizationIdForName } from '../organization/organization-catalogue';
import { FALLBACK_FTS_DIR, FTS_FILES } from './fts-files';

/** The donors among the demo organisations (their tokens exercise "a donor sees its own"). */
const DEMO_DONORS = new Set(['gov-norway', 'gov-germany', 'gov-canada']);

/**
 * Flows given by the demo donors, plus every anonymous-donor flow and every pledge: the cases
 * the policy and the demo identities exercise (each file stays under 50 KB). Requirements and
 * cluster files are small and kept whole.
 */
function keepFlow(record: CsvRow): boolean {
  const v = record.values;
  return !v.srcOrganization || v.status === 'pledge' || DEMO_DONORS.has(organizationIdForName(v.srcOrganization) ?? '');
}

function cut(file: string, keep: (record: CsvRow) => boolean): string {
  const csv = readCsv(path.join(sharedDataDir, 'fts', file));
  const kept = csv.rows.filter(keep);
  writeFileSync(path.join(FALLBACK_FTS_DIR, file), [csv.headerRaw, ...kept.map((r) => r.raw)].join('\n') + '\n');
  return `| \`${file}\` | ${kept.length} of ${csv.rows.length} |`;
}

function main(): void {
  mkdirSync(FALLBACK_FTS_DIR, { recursive: true });
  const rows = [
    cut(FTS_FILES.requirements, () => true),
    ...FTS_FILES.clusters.map((f) => cut(f, () => true)),
    ...FTS_FILES.flows.map((f) => cut(f, keepFlow)),
  ];
  writeFileSync(
    path.join(FALLBACK_FTS_DIR, 'README.md'),
    [
      '# OCHA FTS excerpt (fallback)',
      '',
      'Cut by `subgraphs/finance/src/import/cut-fallback.ts` from `../shared/data/fts` (OCHA Financial Tracking',
      'Service data via the public repo OCHA-DAP/hdx-scraper-fts, MIT; FTS data is public). Rows are copied',
      'unchanged. The finance seed reads these files only when `../shared/data/fts` is absent. Flows kept: those',
      'given by the demo donors (Norway, Germany, Canada), every anonymous-donor flow and every pledge; the',
      'requirements and cluster files whole. Plan funding computed from this excerpt is therefore lower than',
      'with the full files (the published FTS figures stay as they are).',
      '',
      '| file | rows kept |',
      '|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  console.log(rows.join('\n'));
}

main();
