// Summarises a V8 .cpuprofile (node --cpu-prof): self time by package and the hottest functions.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/.pnpm/x@1/node_modules/@scope/pkg/…` → `@scope/pkg`; our code by folder; node internals. */
function packageOf(url: string): string {
  if (!url) return '(native / idle / GC)';
  if (url.startsWith('node:')) return 'node core';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url);
  if (match) return match[1]!;
  const ours = /\/(gateway|subgraphs\/[^/]+|scripts)\/src?\/?/.exec(url);
  return ours ? `peacegraph ${ours[1]}` : url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

export function summarizeProfile(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of self) {
    const node = byId.get(id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue; // waiting, not working
    total += micros;
    const pkg = ['(garbage collector)'].includes(name) ? 'garbage collector' : packageOf(node.callFrame.url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
    const key = `${name} [${pkg}]`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([name, micros]) => ({ name, share: (micros / Math.max(1, total)) * 100, ms: micros / 1000 }));
  return { busyMs: total / 1000, byPackage: sorted(packages), topFunctions: sorted(functions).slice(0, 25) };
}
