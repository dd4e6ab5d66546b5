// The four subgraphs, in one list: compose, start, seed and the tests all read it.
import type { Access, BuiltSubgraph, Db, SignedRoute } from '@peacegraph/kit';
import { intSetting } from '@peacegraph/kit';
import { buildFinanceSubgraph, createFinanceLoaders } from '@peacegraph/finance';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, hxlExportRoutes } from '@peacegraph/humanitarian';
import { buildIncidentsSubgraph, createIncidentsLoaders } from '@peacegraph/incidents';
import { buildMissionsSubgraph, createMissionsLoaders } from '@peacegraph/missions';

export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  /** The environment variable that moves it to another port. */
  portVariable: string;
  build: () => Promise<BuiltSubgraph>;
  createLoaders: (db: Db, access: Access) => unknown;
  /** Signed GET routes beside GraphQL (the gateway serves them at /export/<name>/…). */
  routes?: Record<string, SignedRoute>;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'missions', defaultPort: 4001, portVariable: 'MISSIONS_PORT', build: buildMissionsSubgraph, createLoaders: createMissionsLoaders },
  { name: 'incidents', defaultPort: 4002, portVariable: 'INCIDENTS_PORT', build: buildIncidentsSubgraph, createLoaders: createIncidentsLoaders },
  { name: 'humanitarian', defaultPort: 4003, portVariable: 'HUMANITARIAN_PORT', build: buildHumanitarianSubgraph, createLoaders: createHumanitarianLoaders, routes: hxlExportRoutes },
  { name: 'finance', defaultPort: 4004, portVariable: 'FINANCE_PORT', build: buildFinanceSubgraph, createLoaders: createFinanceLoaders },
];

export function portOf(entry: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): number {
  return intSetting(entry.portVariable, entry.defaultPort, { max: 65535 }, env);
}
