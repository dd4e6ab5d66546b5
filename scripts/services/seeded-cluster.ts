// The embedded database as migrations and seed leave it, made once per install and copied into
// every new PGlite directory `pnpm start` opens (docs/benchmarks.md, "Cold start"). Migrating and
// seeding in WebAssembly was most of a fresh start (≈ 7 of 8.5 s of CPU); copying the result
// takes a fraction of a second.
//
// It is found by a content hash of everything the result depends on (seedInputsKey): the
// migrations, the seed's code and every subgraph's source, the data files it reads and the
// lockfile (PGlite and drizzle versions). Any change gives another key, so an old copy is never
// served: `pnpm start` then migrates and seeds a new one as before, keeps it for the next fresh
// start, and removes the old one.
import { createHash, type Hash } from 'node:crypto';
import { constants, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrateAll, openDatabase, repoRoot, sharedDataDir, type Database } from '@peacegraph/kit';

/** Bumped when what a prepared cluster holds changes in a way the inputs below do not show. */
const FORMAT = 'seeded-cluster 1';

/** What the migrated and seeded database is made of, relative to the repository. */
const SEED_INPUTS = ['migrations', 'subgraphs', 'scripts/seed', 'scripts/services/seeded-cluster.ts', 'schema', 'package.json', 'pnpm-lock.yaml', 'tsconfig.json'];

/** Not inputs: build output, installed packages, tests. */
const skipped = (name: string) => name === 'node_modules' || name === 'dist' || name.startsWith('.') || /\.test\.tsx?$/.test(name);

function hashTree(hash: Hash, full: string, label: string): void {
  if (!existsSync(full)) return void hash.update(`${label}\0absent\0`);
  if (!statSync(full).isDirectory()) return hashFile(hash, full, label);
  hashDirectory(hash, full, label);
}

function hashDirectory(hash: Hash, dir: string, label: string): void {
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((e) => !skipped(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashDirectory(hash, full, `${label}/${entry.name}`);
    else hashTree(hash, full, `${label}/${entry.name}`); // files, and symbolic links followed
  }
}

function hashFile(hash: Hash, file: string, label: string): void {
  const content = readFileSync(file);
  hash.update(`${label}\0${content.length}\0`).update(content);
}

/**
 * SHA-256 over the seed's inputs: the repository files above (paths and contents) and the data
 * directory the seed reads (`SHARED_DATA_DIR`, or `../shared/data`; absent → the shipped excerpt,
 * which is under scripts/seed). ≈ 5 MB read, some tens of milliseconds.
 */
export function seedInputsKey(root = repoRoot, seedDataDir = sharedDataDir): string {
  const hash = createHash('sha256').update(`${FORMAT}\0`);
  for (const input of SEED_INPUTS) hashTree(hash, path.join(root, input), input);
  hashTree(hash, seedDataDir, 'data');
  return hash.digest('hex');
}

export interface SeededClusterOptions {
  /** Where prepared clusters are kept (default: node_modules/.cache/peacegraph, beside the empty cluster). */
  cacheDir?: string;
  /** The content key (default: seedInputsKey()). */
  key?: string;
  /** The data directory the seed reads (default: SHARED_DATA_DIR or ../shared/data). */
  seedDataDir?: string;
}

/** What `pnpm start` prints of a seed; kept with the cluster so a restored start says what it holds. */
interface SeededClusterInfo {
  key: string;
  preparedAt: string;
  lines: string[];
}

const PREFIX = 'pglite-seeded-';
const defaultCacheDir = () => path.join(repoRoot, 'node_modules/.cache/peacegraph');
const resolved = (options: SeededClusterOptions) => {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const key = options.key ?? seedInputsKey(repoRoot, options.seedDataDir);
  return { cacheDir, key, dir: path.join(cacheDir, `${PREFIX}${key.slice(0, 32)}`) };
};

function readInfo(dir: string, key: string): SeededClusterInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(path.join(dir, 'seed.json'), 'utf8')) as SeededClusterInfo;
    return info.key === key && existsSync(path.join(dir, 'pgdata/PG_VERSION')) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** A PGlite directory that does not exist yet or is empty: the only kind a prepared cluster is copied into. */
export function isNewDataDir(dataDir: string): boolean {
  return !dataDir.includes('://') && (!existsSync(dataDir) || readdirSync(dataDir).length === 0);
}

/**
 * Copies the prepared cluster for the current key into `dataDir` (which must be new) and returns
 * what its seed printed; undefined when there is none for this key. The copy is made beside
 * `dataDir` and renamed into place, so an interrupted start leaves no half-copied database.
 */
export function restoreSeededCluster(dataDir: string, options: SeededClusterOptions = {}): SeededClusterInfo | undefined {
  const { key, dir } = resolved(options);
  const info = readInfo(dir, key);
  if (!info || !isNewDataDir(dataDir)) return undefined;
  const partial = `${dataDir}.restoring-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  try {
    // FICLONE: a copy-on-write clone where the file system offers one, a plain copy elsewhere.
    cpSync(path.join(dir, 'pgdata'), partial, { recursive: true, mode: constants.COPYFILE_FICLONE });
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true }); // empty (isNewDataDir)
    renameSync(partial, dataDir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return info;
}

/** A `.partial-<pid>` directory whose process still runs (one left by a process that died is removed). */
function isBeingBuilt(name: string): boolean {
  const pid = /\.partial-(\d+)$/.exec(name)?.[1];
  if (!pid) return false;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

/** Migrations and the seed, as `pnpm start` runs them on a new database; the seed's lines. */
async function migrateAndSeed(database: Database, seedDataDir?: string): Promise<string[]> {
  await migrateAll(database);
  const { seedAll } = await import('../seed/seed-all');
  return (await seedAll(database, seedDataDir)).lines;
}

/**
 * Makes the prepared cluster for the current key unless it exists (then a no-op), and removes
 * those of other keys. Built in a directory of its own and renamed into place when complete, so
 * a reader sees a whole cluster or none; two builders at once both finish, the first rename wins.
 */
export async function prepareSeededCluster(options: SeededClusterOptions = {}): Promise<{ dir: string; created: boolean; info: SeededClusterInfo }> {
  const { cacheDir, key, dir } = resolved(options);
  const existing = readInfo(dir, key);
  if (existing) return { dir, created: false, info: existing };
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const database = await openDatabase({ dataDir: path.join(partial, 'pgdata') });
    let lines: string[];
    try {
      lines = await migrateAndSeed(database, options.seedDataDir);
    } finally {
      await database.close();
    }
    const info: SeededClusterInfo = { key, preparedAt: new Date().toISOString(), lines };
    writeFileSync(path.join(partial, 'seed.json'), `${JSON.stringify(info, null, 2)}\n`);
    try {
      renameSync(partial, dir);
    } catch (error) {
      const other = readInfo(dir, key); // another process finished the same one first
      if (!other) throw error;
      rmSync(partial, { recursive: true, force: true });
      return { dir, created: false, info: other };
    }
    for (const name of readdirSync(cacheDir)) {
      if (name.startsWith(PREFIX) && name !== path.basename(dir) && !isBeingBuilt(name)) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    }
    return { dir, created: true, info };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
