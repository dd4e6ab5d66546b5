// The four subgraphs in this process, on one database (PGlite is one process's database).
// Used by `pnpm start` (scripts/start.ts) and the end-to-end stack (scripts/stack.ts); kept apart
// from the gateway's code so that start.ts can load it without loading the gateway's.
import type { Database, RunningSubgraph } from '@peacegraph/kit';
import { serveSubgraph } from '@peacegraph/kit';
import { portOf, SUBGRAPHS } from '../subgraphs';

export interface SubgraphsOptions {
  database: Database;
  signingSecret: string;
  /** 0 everywhere = free ports (tests); default = each subgraph's port variable or default. */
  anyFreePort?: boolean;
}

/** Starts the four subgraphs in order; stops those already started if one cannot start. */
export async function startSubgraphs(options: SubgraphsOptions): Promise<RunningSubgraph[]> {
  const subgraphs: RunningSubgraph[] = [];
  try {
    for (const entry of SUBGRAPHS) {
      subgraphs.push(
        await serveSubgraph({
          built: await entry.build(),
          database: options.database,
          signingSecret: options.signingSecret,
          createLoaders: entry.createLoaders,
          port: options.anyFreePort ? 0 : portOf(entry),
          portVariable: entry.portVariable,
          routes: entry.routes,
        }),
      );
    }
    return subgraphs;
  } catch (error) {
    for (const s of subgraphs) await s.stop().catch(() => {});
    throw error;
  }
}
