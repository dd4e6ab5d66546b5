// `postinstall`: runs PGlite's initdb once per install and keeps the empty cluster, so every new
// embedded database (the first `pnpm start`, each empty test database) starts from a copy
// instead of its own initdb (subgraphs/kit/src/empty-cluster.ts). Never fails the install:
// without the file, initdb simply runs at start as before.
import { writeEmptyCluster } from '@peacegraph/kit';

try {
  const started = performance.now();
  const file = await writeEmptyCluster();
  console.log(`Embedded PostgreSQL: empty cluster prepared in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})`);
} catch (error) {
  console.warn(`Embedded PostgreSQL: no empty cluster prepared (${(error as Error).message}); new databases will run initdb.`);
}
