import type { SubgraphManifest } from '@peacegraph/kit';

/** The humanitarian subgraph as the rest of the project sees it (kit/src/manifest.ts says who reads what). */
export const humanitarianManifest: SubgraphManifest = {
  name: 'humanitarian',
  defaultPort: 4003,
  portVariable: 'HUMANITARIAN_PORT',
  schema: 'humanitarian',
  migrationsFolder: 'migrations/humanitarian',
  tablesModule: 'subgraphs/humanitarian/src/tables.ts',
  packageName: '@peacegraph/humanitarian',
  packageDir: 'subgraphs/humanitarian',
  // By package name, not a relative path: the build keeps it a separate bundle, loaded only here.
  load: () => import('@peacegraph/humanitarian').then((m) => m.humanitarianSubgraph),
};
