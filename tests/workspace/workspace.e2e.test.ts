// Issue 2: the workspace works end to end on every test database.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, repoRoot } from '@peacegraph/kit';
import { compose, SUPERGRAPH_PATH, POLICY_SNAPSHOT_PATH } from '../../scripts/compose';
import { seedAll } from '../../scripts/seed/seed-all';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';
import { hasSharedData } from '../shared-data';
import { MISSIONS_DATA_FILES } from '../../subgraphs/missions/src/import';

describe('composition', () => {
  it('composes the four subgraphs into the committed supergraph without running servers', async () => {
    const result = await compose();
    expect(result.subgraphs.map((s) => s.name).sort()).toEqual(['finance', 'humanitarian', 'incidents', 'missions']);
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(result.supergraphSdl);
    expect(readFileSync(POLICY_SNAPSHOT_PATH, 'utf8')).toBe(result.policySnapshot);
  });
});

async function tableSnapshot(db: import('@peacegraph/kit').Db): Promise<string[]> {
  const rows = await db.execute<{ t: string }>(
    sql`select table_schema || '.' || table_name as t from information_schema.tables where table_schema in ('policy','missions','incidents','humanitarian','finance','drizzle') order by 1`,
  );
  return (Array.isArray(rows) ? rows : (rows as { rows: { t: string }[] }).rows).map((r) => r.t);
}

async function rowCounts(db: import('@peacegraph/kit').Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0]!.n;
  }
  return counts;
}

for (const kind of TEST_DATABASES) {
  describe(`database: ${kind.label}`, () => {
    it('migrates an empty database, and re-running the migrations changes nothing', async () => {
      const database = await kind.create();
      try {
        expect(await tableSnapshot(database.db)).toEqual([]);
        await migrateAll(database);
        const first = await tableSnapshot(database.db);
        for (const schema of ['policy', 'missions', 'incidents', 'humanitarian', 'finance']) {
          expect(first.some((t) => t.startsWith(`${schema}.`))).toBe(true);
        }
        const journal = await rowCounts(database.db, first.filter((t) => t.startsWith('drizzle.')));
        await migrateAll(database);
        expect(await tableSnapshot(database.db)).toEqual(first);
        expect(await rowCounts(database.db, first.filter((t) => t.startsWith('drizzle.')))).toEqual(journal);
      } finally {
        await database.close();
      }
    });

    it('seeds from the real files (or the shipped excerpts), and seeding again duplicates nothing', async () => {
      const database = await kind.create();
      try {
        await migrateAll(database);
        await seedAll(database);
        const tables = (await tableSnapshot(database.db)).filter((t) => !t.startsWith('drizzle.') && t !== 'policy.audit_events');
        const first = await rowCounts(database.db, tables);
        expect(first['missions.missions']).toBeGreaterThan(10);
        // The real files where they are (../shared/data); the shipped excerpts otherwise.
        const real = hasSharedData(...Object.values(MISSIONS_DATA_FILES));
        expect(first['missions.fatalities']).toBeGreaterThan(real ? 4000 : 0);
        expect(first['missions.contributions']).toBeGreaterThan(real ? 1000 : 0);
        await seedAll(database);
        expect(await rowCounts(database.db, tables)).toEqual(first);
      } finally {
        await database.close();
      }
    });
  });

  describe(`gateway over HTTP on ${kind.label}`, () => {
    let t: TestStack;
    beforeAll(async () => {
      t = await startTestStack(kind);
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('answers one query with fields from all four subgraphs', async () => {
      const res = await t.query<{ mission: Record<string, unknown> }>(
        'mission-ops',
        `{ mission(acronym: "MINUSCA") {
            name status hostCountries { iso3 name }
            incidents(page: { first: 3 }) { nodes { id eventType adminArea { pcode name } } }
            operationalPresence { organization { name } cluster adminArea { name } }
            budgets { fiscalPeriodId approvedAmount currency }
        } }`,
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const mission = res.body.data!.mission as {
        name: string;
        hostCountries: { iso3: string }[];
        incidents: { nodes: { adminArea: { name: string } }[] };
        operationalPresence: { organization: { name: string } }[];
        budgets: { fiscalPeriod: string; approvedAmount: string }[];
      };
      expect(mission.name).toMatch(/Central African Republic/);
      expect(mission.hostCountries.map((c) => c.iso3)).toEqual(['CAF']);
      expect(mission.incidents.nodes.length).toBe(3);
      expect(mission.incidents.nodes[0]!.adminArea.name).toBeTruthy(); // resolved back in the missions subgraph
      expect(mission.operationalPresence.length).toBeGreaterThan(0);
      expect(mission.operationalPresence[0]!.organization.name).toBeTruthy();
      expect(mission.budgets.length).toBeGreaterThan(0);
      expect(mission.budgets[0]!.approvedAmount).toMatch(/^\d+(\.\d+)?$/);
    });

    it('answers a malformed GraphQL request with 400 and says what is wrong', async () => {
      const res = await t.query('public', '{ mission(acronym: "MINUSCA") { name ');
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/Syntax Error/);
      const notJson = await fetch(t.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(notJson.status).toBe(400);
      expect(await notJson.text()).toMatch(/not valid JSON/);
    });
  });
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('start-up errors', () => {
  it('names host and port when DATABASE_URL is unreachable, in one line, and exits non-zero', async () => {
    const { code, stderr } = await runStart({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/peacegraph' });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/peacegraph/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('names the port and the variable that changes it when a port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runStart({ MISSIONS_PORT: String(port), DATABASE_URL: '' });
      expect(code).not.toBe(0);
      expect(stderr.trim()).toBe(`Port ${port} is already in use (missions subgraph). Set MISSIONS_PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the Quick start command', () => {
  it('`pnpm start` (scripts/start.mjs: the built services) answers over HTTP and stops cleanly on Ctrl-C', async () => {
    const [gateway, missions, incidents, humanitarian, finance] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PGLITE_DATA_DIR: 'memory://',
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
        GATEWAY_PORT: String(gateway),
        MISSIONS_PORT: String(missions),
        INCIDENTS_PORT: String(incidents),
        HUMANITARIAN_PORT: String(humanitarian),
        FINANCE_PORT: String(finance),
      },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!/gateway ready at/.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ready line:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const res = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ mission(acronym: "MINUSCA") { name status } }' }),
      });
      expect(await res.json()).toMatchObject({ data: { mission: { status: 'ACTIVE' } } });
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/SIGINT: stopping/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
