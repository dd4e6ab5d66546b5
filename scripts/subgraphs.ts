// The subgraphs with their code loaded, from the one list of manifests (subgraphs/manifests.ts):
// compose, start, the subgraph process, the benchmarks and the tests read it. Processes that
// need only names and ports (the gateway) read the manifests themselves and load no subgraph.
import { intSetting, type SubgraphManifest, type SubgraphModule } from '@peacegraph/kit';
import { SUBGRAPH_MANIFESTS } from '../subgraphs/manifests';

export type SubgraphEntry = SubgraphManifest & SubgraphModule;

export const SUBGRAPHS: SubgraphEntry[] = await Promise.all(SUBGRAPH_MANIFESTS.map(async (manifest) => ({ ...manifest, ...(await manifest.load()) })));

export function portOf(entry: SubgraphManifest, env: NodeJS.ProcessEnv = process.env): number {
  return intSetting(entry.portVariable, entry.defaultPort, { max: 65535 }, env);
}
