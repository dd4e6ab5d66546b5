// `postinstall`: prepares the embedded database once per install, so a fresh `pnpm start` copies
// it instead of doing the work in WebAssembly (docs/benchmarks.md, "Cold start"):
// - the empty cluster (PGlite's initdb), which every new embedded database starts from — test
//   databases too (subgraphs/kit/src/empty-cluster.ts);
// - the database as the migrations and the seed leave it, keyed by a content hash of their inputs
//   (scripts/services/seeded-cluster.ts), which `pnpm start` copies into a new data directory.
// Never fails the install: without them, initdb, migrations and seed simply run at start as before.
import { writeEmptyCluster } from '@peacegraph/kit';
import { prepareSeededCluster } from './services/seeded-cluster';

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

try {
  const started = performance.now();
  const file = await writeEmptyCluster();
  console.log(`Embedded PostgreSQL: empty cluster ready in ${seconds(started)} s (${file})`);
} catch (error) {
  console.warn(`Embedded PostgreSQL: no empty cluster prepared (${(error as Error).message}); new databases will run initdb.`);
}

try {
  const started = performance.now();
  const { dir, created } = await prepareSeededCluster();
  console.log(`Embedded PostgreSQL: migrated and seeded database ${created ? `prepared in ${seconds(started)} s` : 'already prepared'} (${dir})`);
} catch (error) {
  console.warn(`Embedded PostgreSQL: no seeded database prepared (${(error as Error).message.split('\n')[0]}); pnpm start will migrate and seed.`);
}
