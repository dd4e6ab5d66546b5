import type { SubgraphManifest } from '@peacegraph/kit';

/** The missions subgraph as the rest of the project sees it (kit/src/manifest.ts says who reads what). */
export const missionsManifest: SubgraphManifest = {
  name: 'missions',
  defaultPort: 4001,
  portVariable: 'MISSIONS_PORT',
  schema: 'missions',
  migrationsFolder: 'migrations/missions',
  tablesModule: 'subgraphs/missions/src/tables.ts',
  packageName: '@peacegraph/missions',
  packageDir: 'subgraphs/missions',
  // By package name, not a relative path: the build keeps it a separate bundle, loaded only here.
  load: () => import('@peacegraph/missions').then((m) => m.missionsSubgraph),
};
