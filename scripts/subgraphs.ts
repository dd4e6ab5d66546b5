// The four subgraphs, in one list: compose, start, seed and the tests all read it.
import type { Access, BuiltSubgraph, Db } from '@peacegraph/kit';
import { buildMissionsSubgraph, createMissionsLoaders } from '@peacegraph/missions';

export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  /** The environment variable that moves it to another port. */
  portVariable: string;
  build: () => Promise<BuiltSubgraph>;
  createLoaders: (db: Db, access: Access) => unknown;
}

export const SUBGRAPHS: SubgraphEntry[] = [
  { name: 'missions', defaultPort: 4001, portVariable: 'MISSIONS_PORT', build: buildMissionsSubgraph, createLoaders: createMissionsLoaders },
];

export function portOf(entry: SubgraphEntry, env: NodeJS.ProcessEnv = process.env): number {
  return Number(env[entry.portVariable] ?? entry.defaultPort);
}
