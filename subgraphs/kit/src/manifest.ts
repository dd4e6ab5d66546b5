import type { BuiltSubgraph } from './build-subgraph';
import type { BulkLoad } from './bulk-load';
import type { Db } from './db';
import type { SignedRoute } from './serve-subgraph';
import type { Access } from './policy/access';

/**
 * Everything the project needs to know about one subgraph, in one place
 * (`subgraphs/<name>/src/manifest.ts`): migrations, drizzle-kit, the build, the gateway's
 * default addresses, start-up, the seed and the tests all read the list in
 * subgraphs/manifests.ts. The manifest itself is data; `load` brings in the code, so a
 * process that only needs names and ports (the gateway) does not load the subgraphs.
 */
export interface SubgraphManifest {
  /** The subgraph's name in the supergraph; `<NAME>_URL` points the gateway elsewhere. */
  readonly name: string;
  readonly defaultPort: number;
  /** The environment variable that moves it to another port. */
  readonly portVariable: string;
  /** Its Postgres schema, which is also its migration set (`migrations/<schema>`). */
  readonly schema: string;
  /** Its migrations, from the repository root (by convention `migrations/<schema>`). */
  readonly migrationsFolder: string;
  /** Its drizzle tables module (drizzle-kit generates the migrations from it), from the repository root. */
  readonly tablesModule: string;
  /** Its workspace package and folder (built to `<packageDir>/dist/index.js`). */
  readonly packageName: string;
  readonly packageDir: string;
  readonly load: () => Promise<SubgraphModule>;
}

export interface SeedOptions {
  /** The shared data folder (../shared/data), or where the tests put theirs. */
  dataDir: string;
  /** Benchmarks' --scale: multiplies the generated data (1 = the demo seed). */
  scale: number;
  /** COPY on PostgreSQL for a scaled seed; multi-row INSERTs when absent. */
  load?: BulkLoad;
}

/** The code side of a subgraph, as its package's index exports it. */
export interface SubgraphModule {
  build: () => Promise<BuiltSubgraph>;
  createLoaders: (db: Db, access: Access) => unknown;
  /**
   * Fills the subgraph's schema idempotently (its `src/seed/seed-<name>.ts`, which runs the
   * importers of real files in `src/import/`); returns the summary lines the seed prints.
   */
  seed: (db: Db, options: SeedOptions) => Promise<string[]>;
  /** Signed GET routes beside GraphQL (the gateway serves them at /export/<name>/…). */
  routes?: Record<string, SignedRoute>;
}

/** How a scaled seed's summary line says its scale (nothing for the demo seed). */
export const scaleNote = (scale: number): string => (scale === 1 ? '' : `, ×${scale}`);
