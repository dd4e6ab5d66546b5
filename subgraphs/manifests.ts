// Every subgraph, in the order they are migrated, seeded and started (a subgraph's seed may read
// the rows of those before it: incidents and humanitarian place their rows in missions' admin
// areas). Adding a subgraph: its folder with src/manifest.ts, and one line here (docs/architecture.md).
import { financeManifest } from './finance/src/manifest';
import { humanitarianManifest } from './humanitarian/src/manifest';
import { incidentsManifest } from './incidents/src/manifest';
import { missionsManifest } from './missions/src/manifest';

export const SUBGRAPH_MANIFESTS = [missionsManifest, incidentsManifest, humanitarianManifest, financeManifest] as const;

/** What drizzle-kit and the migrator need of a migration set. */
export interface MigrationSource {
  readonly schema: string;
  readonly migrationsFolder: string;
  readonly tablesModule: string;
}

/** Every migration set in the order it runs: kit's policy tables first (every subgraph reads agreements), then the subgraphs'. */
export const MIGRATION_SOURCES: readonly MigrationSource[] = [
  { schema: 'policy', migrationsFolder: 'migrations/policy', tablesModule: 'subgraphs/kit/src/policy/tables.ts' },
  ...SUBGRAPH_MANIFESTS,
];
