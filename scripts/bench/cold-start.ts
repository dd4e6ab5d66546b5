// Cold start of the one-command start (`pnpm start`, README Quick start line 1) on the embedded
// database: remove a temporary PGlite data directory, spawn the real start command, and time
// until the gateway answers a GraphQL query over HTTP (not the "ready" log line). Each run
// therefore includes everything a fresh clone does after `pnpm install`: module loading, the
// embedded database (a copy of the one install migrated and seeded, or migrations and the seed
// where their inputs changed since), schema building and the gateway. Install's own steps are
// run first, untimed (asInstalled), so every run starts from the state install leaves.
//   tsx scripts/bench/cold-start.ts [--runs=3]     (also a step of `pnpm bench`)
// PGLITE_DATA_DIR points at a directory under the system temp dir, so .data/ is never touched.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ColdStartRun {
  /** Spawn → first GraphQL answer with data, in seconds. */
  seconds: number;
  /** What start.ts printed as its own "ready" time (s), for comparison. */
  readyLine?: number;
  /**
   * CPU seconds (user + system) the start command's processes had used by the first answer,
   * the build's child processes included (Linux only). On a shared machine wall time follows
   * the other engineers' load; CPU time much less.
   */
  cpuSeconds?: number;
  /** Whether `pnpm start` rebuilt dist/ first (sources newer than the last build). */
  rebuilt: boolean;
}

export interface ColdStartResult {
  command: string;
  runs: ColdStartRun[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const QUERY = JSON.stringify({ query: '{ mission(acronym: "MINUSCA") { name hostCountries { name } } }' });

export async function measureColdStart(runs = 3, portBase = Number(process.env.COLD_START_PORT_BASE ?? 4650)): Promise<ColdStartResult> {
  const command = 'pnpm start';
  await asInstalled();
  const results: ColdStartRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await oneRun(portBase, command));
  return { command, runs: results };
}

/**
 * First, untimed, what `pnpm install` leaves behind (its postinstall: dist/ built, the embedded
 * database prepared), as on a fresh clone after install. Without it the first run after a source
 * change rebuilt dist/ and seeded anew, and was seconds slower than the others for that reason
 * alone (docs/benchmarks.md, "Cold start").
 */
async function asInstalled(): Promise<void> {
  const child = spawn('pnpm -s run postinstall', { cwd: repoRoot, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`pnpm run postinstall failed (${code}):\n${output.slice(-2000)}`);
}

async function oneRun(portBase: number, command: string): Promise<ColdStartRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peacegraph-cold-start-'));
  rmSync(dataDir, { recursive: true, force: true }); // start from no database directory at all
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGLITE_DATA_DIR: dataDir,
    GATEWAY_PORT: String(portBase),
    MISSIONS_PORT: String(portBase + 1),
    INCIDENTS_PORT: String(portBase + 2),
    HUMANITARIAN_PORT: String(portBase + 3),
    FINANCE_PORT: String(portBase + 4),
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL; // the embedded database, as on a fresh clone
  delete env.LOG_LEVEL; // as a user runs it
  const started = performance.now();
  const child = spawn(command, { cwd: repoRoot, env, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${portBase}/graphql`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start exited (${child.exitCode}):\n${output.slice(-2000)}`);
      if (performance.now() - started > 120_000) throw new Error(`no answer within 120 s:\n${output.slice(-2000)}`);
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY, signal: AbortSignal.timeout(5000) });
        const body = (await res.json()) as { data?: { mission?: { name?: string } } };
        if (res.status === 200 && body.data?.mission?.name) break;
        throw new Error(`unexpected answer ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('unexpected answer')) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = processGroupCpuSeconds(child.pid!);
    const ready = /ready at \S+\s+\((\d+(?:\.\d+)?) s\)/.exec(output);
    return { seconds, readyLine: ready ? Number(ready[1]) : undefined, cpuSeconds, rebuilt: output.includes(REBUILD_LINE) };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What scripts/start.mjs prints when it rebuilds dist/ before starting. */
const REBUILD_LINE = 'Sources changed since the last build';

/**
 * User + system CPU of every process in the group (`pnpm`, the shell, node and the children they
 * waited for: cutime/cstime), from /proc/<pid>/stat; undefined where there is no /proc.
 */
function processGroupCpuSeconds(pgid: number): number | undefined {
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // After the command name (in parentheses, may hold spaces): state ppid pgrp … utime(14) stime cutime cstime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
  } catch {
    return undefined;
  }
  return ticks / 100; // USER_HZ: 100 on Linux
}

/** Ctrl-C, as a user stops it: SIGINT to the whole process group, SIGKILL if it lingers. */
async function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    /* gone */
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  const result = await measureColdStart(runs);
  for (const [i, r] of result.runs.entries()) {
    const cpu = r.cpuSeconds === undefined ? '' : `, ${r.cpuSeconds.toFixed(2)} s CPU`;
    console.log(`cold start ${i + 1}: first answer after ${r.seconds.toFixed(2)} s${cpu} (start printed ready at ${r.readyLine ?? '?'} s)${r.rebuilt ? ' — rebuilt dist/ first' : ''}`);
  }
}
