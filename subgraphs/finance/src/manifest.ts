import type { SubgraphManifest } from '@peacegraph/kit';

/** The finance subgraph as the rest of the project sees it (kit/src/manifest.ts says who reads what). */
export const financeManifest: SubgraphManifest = {
  name: 'finance',
  defaultPort: 4004,
  portVariable: 'FINANCE_PORT',
  schema: 'finance',
  migrationsFolder: 'migrations/finance',
  tablesModule: 'subgraphs/finance/src/tables.ts',
  packageName: '@peacegraph/finance',
  packageDir: 'subgraphs/finance',
  // By package name, not a relative path: the build keeps it a separate bundle, loaded only here.
  load: () => import('@peacegraph/finance').then((m) => m.financeSubgraph),
};
