// Builds the dashboard (Vite) into `outDir` (default dashboard/dist, which the gateway serves
// under /dashboard/). `pnpm build` and postinstall run it; tests and the benchmark build their own copy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildDashboard(outDir = path.join(root, 'dashboard/dist')): Promise<string> {
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production in the process it builds in; the caller's mode must not change.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ root: path.join(root, 'dashboard'), configFile: path.join(root, 'dashboard/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  precompress(outDir);
  return outDir;
}

/** file.gz beside each text asset: the gateway (sirv, gzip: true) sends it to browsers that accept gzip. */
function precompress(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) precompress(full);
    else if (/\.(js|css|html|json|geojson|svg)$/.test(entry.name)) writeFileSync(`${full}.gz`, gzipSync(readFileSync(full), { level: 9 }));
  }
}
