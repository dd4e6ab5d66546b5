import type { SubgraphManifest } from '@peacegraph/kit';

/** The incidents subgraph as the rest of the project sees it (kit/src/manifest.ts says who reads what). */
export const incidentsManifest: SubgraphManifest = {
  name: 'incidents',
  defaultPort: 4002,
  portVariable: 'INCIDENTS_PORT',
  schema: 'incidents',
  migrationsFolder: 'migrations/incidents',
  tablesModule: 'subgraphs/incidents/src/tables.ts',
  packageName: '@peacegraph/incidents',
  packageDir: 'subgraphs/incidents',
  // By package name, not a relative path: the build keeps it a separate bundle, loaded only here.
  load: () => import('@peacegraph/incidents').then((m) => m.incidentsSubgraph),
};
