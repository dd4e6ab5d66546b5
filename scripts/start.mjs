// `pnpm start`: runs the built services (dist/scripts/start.js) in this process, building them
// first if any source is newer than the last build (`pnpm install` builds once, in postinstall).
// Plain JavaScript on purpose: it runs before anything is built, and loading tsx just to learn
// that nothing changed cost most of a second of every start (docs/benchmarks.md, "Cold start").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/.built');

/** The newest modification time of the TypeScript the build reads. */
function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(full, newest);
    else if (/\.(ts|tsx|css|html|graphql)$/.test(entry.name) || entry.name === 'package.json') newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['subgraphs', 'gateway', 'scripts', 'dashboard'].map((d) => path.join(root, d));
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (sources.some((dir) => newestSource(dir) > built)) {
  // Said out loud: a rebuild costs seconds of this start (scripts/bench/cold-start.ts reports it).
  console.log('Sources changed since the last build: building dist/ first…');
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist/scripts/start.js')).href);
