// The subgraphs with their code loaded, from the one list of manifests (subgraphs/manifests.ts):
// compose, start, the subgraph process, the benchmarks and the tests read it. Processes that
// need only names and ports (the gateway) read the manifests themselves and load no subgraph.
import { readSetting, whole, type SubgraphManifest, type SubgraphModule } from '@peacegraph/kit';
import { SUBGRAPH_MANIFESTS } from '../subgraphs/manifests';

export type SubgraphEntry = SubgraphManifest & SubgraphModule;

// One after another: vitest's module runner hands a module that another of these imports is
// still evaluating to the next importer half-initialised (@peacegraph/reference's catalogues
// undefined: "ORGANIZATION_CATALOGUE is not iterable"); Node's own loader does not, and
// evaluates one module at a time either way.
export const SUBGRAPHS: SubgraphEntry[] = [];
for (const manifest of SUBGRAPH_MANIFESTS) SUBGRAPHS.push({ ...manifest, ...(await manifest.load()) });

export function portOf(entry: SubgraphManifest, env: NodeJS.ProcessEnv = process.env): number {
  return readSetting(entry.portVariable, whole(0, 65535), env) ?? entry.defaultPort;
}
