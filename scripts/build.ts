// `pnpm build`: compiles the services to plain JavaScript with esbuild, so they run on `node`
// without tsx (whose loader compiles TypeScript in-process, in a worker thread with its own V8
// isolate: ~100 MB more resident memory per process and seconds of start-up; docs/operations.md).
//
// Layout (all gitignored, rebuilt in well under a second):
//   <workspace package>/dist/index.js   one bundle per workspace package (subgraphs/*, gateway),
//                                       at the same depth as src/index.ts, so kit's repoRoot
//                                       (import.meta.url + '../../..') still finds the repository;
//   dist/scripts/…/<entry>.js           the service entry points (ENTRIES below).
// Third-party packages stay external and are resolved by Node from where the code lives, exactly
// as under tsx (a workspace package's dependencies from its own node_modules). A workspace
// package imported by another bundle is not copied into it but imported from its dist bundle, so
// every process has one instance of each (one logger, one class per error type).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { buildDashboard } from './build-dashboard';
import { SUBGRAPH_MANIFESTS } from '../subgraphs/manifests';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Workspace packages: name → directory. Each is built to <dir>/dist/index.js. */
const PACKAGES: Record<string, string> = {
  '@peacegraph/kit': 'subgraphs/kit',
  '@peacegraph/reference': 'subgraphs/reference',
  ...Object.fromEntries(SUBGRAPH_MANIFESTS.map((m) => [m.packageName, m.packageDir])),
  '@peacegraph/gateway': 'gateway',
};

/** Entry points that run as processes (scripts/… → dist/scripts/….js). */
export const ENTRIES = [
  'scripts/start.ts',
  'scripts/services/gateway-worker.ts',
  'scripts/services/gateway.ts',
  'scripts/services/subgraph.ts',
  'scripts/services/migrate.ts',
  'scripts/bench/gateway-process.ts',
  'scripts/bench/hive-process.ts',
  'scripts/bench/baseline.ts',
  'scripts/bench/path-replay.ts',
  'scripts/bench/subgraph-fixed-cost.ts',
];

/**
 * Node flags the built gateway runs with, in production (docs/operations.md) and in the benchmark
 * (scripts/bench/run.ts starts gateway-process.js with them). Why: on a large machine V8 lets the
 * old generation grow lazily towards a limit of several GB, so under load the gateway's resident
 * memory follows the garbage it has not yet collected (≈ 310 MB peak in the benchmark mix), not
 * what it keeps (well under 100 MB: supergraph, query plans, Apollo's bounded caches). A cap of
 * 192 MB makes V8 collect sooner: peak 170 MB in the same mix, for ≈ +1 ms of gateway CPU
 * per request on Q3/Q4 (docs/benchmarks.md, "Memory"). Raise it for
 * RESPONSE_CACHE without REDIS_URL (the in-memory cache lives on this heap).
 */
export const GATEWAY_NODE_FLAGS = ['--max-old-space-size=192'];

/**
 * Modules built on their own and imported (not copied) by the entries, because an entry imports
 * them lazily (`await import(…)`) and a bundle would load their packages up front: the subgraph
 * process loads scripts/subgraphs.ts after its configuration checks; start.ts loads the seed
 * and the subgraphs while PGlite creates the database and the gateway worker starts.
 */
const SHARED_MODULES = ['scripts/subgraphs.ts', 'scripts/seed/seed-all.ts', 'scripts/services/subgraphs-in-process.ts'];

const outOfModule = (source: string) => path.join(root, 'dist', source.replace(/\.ts$/, '.js'));
const outOfPackage = (dir: string) => path.join(root, dir, 'dist/index.js');

function relativeImport(fromOutfile: string, target: string): string {
  const rel = path.relative(path.dirname(fromOutfile), target).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Bare specifiers external; workspace packages and shared modules imported from their own bundle. */
function linking(outfile: string, self: string): Plugin {
  return {
    name: 'peacegraph-linking',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const pkg = Object.keys(PACKAGES).find((name) => args.path === name || args.path.startsWith(`${name}/`));
        if (pkg) {
          if (args.path !== pkg) throw new Error(`${args.importer}: import ${pkg} itself, not ${args.path}`);
          return { path: relativeImport(outfile, outOfPackage(PACKAGES[pkg]!)), external: true };
        }
        return { path: args.path, external: true };
      });
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === 'inner') return undefined;
        const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'inner' });
        if (resolved.errors.length) return { errors: resolved.errors };
        const shared = SHARED_MODULES.find((m) => path.join(root, m) === resolved.path);
        if (shared && shared !== self) return { path: relativeImport(outfile, outOfModule(shared)), external: true };
        return resolved;
      });
      // In modules bundled into an entry, import.meta.url keeps meaning "this source file", not
      // the bundle (compose.ts and others compare it with process.argv[1] to run as a command;
      // inside a bundle that would misfire). The entry's own import.meta.url is the bundle's.
      b.onLoad({ filter: /\/scripts\/.*\.ts$/ }, (args) => {
        if (args.path === path.join(root, self)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
}

async function buildOne(entry: string, outfile: string, self: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The same TypeScript settings tsx applies (experimental decorators for type-graphql, no define semantics).
    tsconfig: path.join(root, 'tsconfig.json'),
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [linking(outfile, self)],
  });
}

export async function buildAll(): Promise<number> {
  const started = performance.now();
  const jobs: Promise<void>[] = [];
  for (const dir of Object.values(PACKAGES)) {
    if (!existsSync(path.join(root, dir, 'src/index.ts'))) continue;
    jobs.push(buildOne(`${dir}/src/index.ts`, outOfPackage(dir), ''));
  }
  for (const source of [...ENTRIES, ...SHARED_MODULES]) jobs.push(buildOne(source, outOfModule(source), source));
  jobs.push(buildDashboard().then(() => undefined));
  await Promise.all(jobs);
  // scripts/start.mjs rebuilds when a source is newer than this.
  writeFileSync(path.join(root, 'dist/.built'), new Date().toISOString());
  return performance.now() - started;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ms = await buildAll();
  if (!process.argv.includes('--quiet')) console.log(`Built ${ENTRIES.length} entry points, ${Object.keys(PACKAGES).length} workspace packages and the dashboard in ${ms.toFixed(0)} ms (dist/).`);
}
