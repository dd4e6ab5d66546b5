import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * PGlite runs initdb (in WebAssembly) for every new database: ≈ 3 s, a third of a fresh
 * `pnpm start`, and the same for every empty test database. Its result — an empty cluster —
 * depends only on the PGlite version, so it is made once per install (`postinstall`:
 * scripts/prepare-embedded-database.ts) and every new database starts as a copy of it (≈ 1 s).
 * Without the file (install scripts skipped, or another PGlite version) initdb runs as before.
 * No data is in it: the schema and the seed are applied on top, as on a fresh initdb.
 */
export function emptyClusterPath(): string {
  return path.join(repoRoot, 'node_modules/.cache/peacegraph', `pglite-${pgliteVersion()}-empty-cluster.tar.gz`);
}

function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find @electric-sql/pglite/package.json');
    dir = parent;
  }
}

/** The empty cluster to start a new database from, if this install made one and `dataDir` is new. */
export function emptyClusterFor(dataDir: string): Blob | undefined {
  const isNew = dataDir.startsWith('memory://') || !existsSync(path.join(dataDir, 'PG_VERSION'));
  const file = emptyClusterPath();
  return isNew && existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

/** Runs initdb once and keeps its result for every later new database (the file names the PGlite version it is for). */
export async function writeEmptyCluster(): Promise<string> {
  const file = emptyClusterPath();
  if (existsSync(file)) return file; // written whole (renamed into place) by an earlier install
  mkdirSync(path.dirname(file), { recursive: true });
  const client = new PGlite('memory://');
  await client.waitReady;
  const dump = (await client.dumpDataDir('gzip')) as Blob;
  await client.close();
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}
