// Cuts the small excerpt of the UN data files that ships with the repo (scripts/seed/fallback),
// so a clone without ../shared/data still starts with real figures. Rows are copied byte for
// byte under the original headers; only the selection below decides what goes in.
//
//   npx tsx scripts/cut-fallback-data.ts            (reads ../shared/data or SHARED_DATA_DIR)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, sharedDataDir, type CsvRow } from '@peacegraph/kit';
import { FALLBACK_DATA_DIR, MISSIONS_DATA_FILES } from '../subgraphs/missions/src/import/data-files';
import { MISSION_CATALOGUE } from '@peacegraph/reference';

const ACTIVE_MISSIONS = new Set(MISSION_CATALOGUE.filter((mission) => mission.status === 'ACTIVE').map((mission) => mission.id));

/** A few hundred recent rows per file, active missions only (each file stays well under 60 KB). */
const CUTS: { file: string; keep: (values: CsvRow['values']) => boolean; description: string }[] = [
  {
    file: MISSIONS_DATA_FILES.contributions,
    keep: (values) => ACTIVE_MISSIONS.has(values.mission ?? '') && Number(values.year) >= 2020,
    description: 'active missions, 2020–2021',
  },
  {
    file: MISSIONS_DATA_FILES.fatalities,
    keep: (values) => ACTIVE_MISSIONS.has(values.mission_acronym ?? '') && (values.incident_date ?? '') >= '2020-01-01',
    description: 'active missions, incidents since 2020-01-01',
  },
  {
    file: MISSIONS_DATA_FILES.deploymentSites,
    keep: (values) => ACTIVE_MISSIONS.has(values.mission ?? '') && Number(values.year) >= 2023,
    description: 'active missions, 2023–2024',
  },
];

function main(): void {
  mkdirSync(FALLBACK_DATA_DIR, { recursive: true });
  const lines: string[] = [];
  for (const cut of CUTS) {
    const csv = readCsv(path.join(sharedDataDir, cut.file), []);
    const kept = csv.rows.filter((row) => cut.keep(row.values));
    const text = [csv.headerRaw, ...kept.map((row) => row.raw)].join('\n') + '\n';
    writeFileSync(path.join(FALLBACK_DATA_DIR, cut.file), text);
    lines.push(`| \`${cut.file}\` | ${cut.description} | ${kept.length} of ${csv.rows.length} | ${Math.ceil(Buffer.byteLength(text) / 1024)} KB |`);
  }
  writeFileSync(path.join(FALLBACK_DATA_DIR, 'README.md'), readme(lines));
  console.log(lines.join('\n'));
}

function readme(rows: string[]): string {
  return `# Built-in excerpt of the UN peacekeeping data files

Written by \`scripts/cut-fallback-data.ts\` (do not edit by hand; rerun it). The importers use
these files when \`../shared/data\` (or \`SHARED_DATA_DIR\`) does not hold the full files. Rows
are copied unchanged, under the original headers. Active missions: ${[...ACTIVE_MISSIONS].join(', ')}.

| file | selection | rows | size |
|---|---|---|---|
${rows.join('\n')}

Sources (see ../shared/data/README.md): fatalities and contributions are UN open data (cite
"United Nations Peacekeeping"; the yearly contributions table is derived by
corinnee/UN_Peacekeeping_Analytics, MIT). Deployment sites come from the Geocoded
Peacekeeping Operations dataset v2.3 (Uppsala University), redistributed by
geopko/Geo-PKO-Shiny-Dashboard under GPL-2.0; cite Cil, Fjelde, Hultman & Nilsson (2020),
"Mapping blue helmets", Journal of Peace Research.
`;
}

main();
