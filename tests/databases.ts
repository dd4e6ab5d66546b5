// The databases a test runs against: embedded PGlite always, and a fresh PostgreSQL
// database when DATABASE_URL is set (.ci/run sets it), dropped afterwards.
//
// Seeding the real data takes seconds, so `createSeeded` copies a template that is built
// once per code version (keyed by a hash of the migrations, seeds and subgraph sources):
// a PGlite data-directory dump in the OS temp folder, or a PostgreSQL template database.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { dumpPglite, migrateAll, openDatabase, repoRoot, sharedDataDir, type Database } from '@peacegraph/kit';
import { seedAll } from '../scripts/seed/seed-all';

export interface TestDatabaseKind {
  label: 'pglite' | 'postgres';
  /** A new empty database. */
  create(): Promise<Database>;
  /** A new database, migrated and seeded like a fresh `pnpm start` (absent: create, migrate, seed). */
  createSeeded?(): Promise<Database>;
}

export const TEST_DATABASES: TestDatabaseKind[] = [
  { label: 'pglite', create: () => openDatabase(), createSeeded: createSeededPglite },
  ...(process.env.DATABASE_URL ? [{ label: 'postgres' as const, create: () => createPostgresDatabase(), createSeeded: createSeededPostgres }] : []),
];

/** Changes whenever anything that shapes a seeded database changes. */
function templateKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (!entry.name.endsWith('.test.ts')) {
        hash.update(full).update(readFileSync(full));
      }
    }
  };
  for (const dir of ['migrations', 'scripts/seed', 'schema', 'subgraphs']) walk(path.join(repoRoot, dir));
  if (existsSync(sharedDataDir)) for (const f of readdirSync(sharedDataDir)) hash.update(`${f}:${statSync(path.join(sharedDataDir, f)).size}`);
  return hash.digest('hex').slice(0, 16);
}

async function createSeededPglite(): Promise<Database> {
  const file = path.join(tmpdir(), `peacegraph-template-${templateKey()}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase();
    await migrateAll(database);
    await seedAll(database);
    const dump = await dumpPglite(database);
    await database.close();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}

async function createSeededPostgres(): Promise<Database> {
  const template = `peacegraph_template_${templateKey()}`;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${template}`;
    if (exists.length === 0) {
      const building = `${template}_${randomBytes(3).toString('hex')}`;
      await admin.unsafe(`create database ${building}`);
      const database = await openDatabase({ url: urlFor(building), maxConnections: 5 });
      await migrateAll(database);
      await seedAll(database);
      await database.close();
      await admin.unsafe(`alter database ${building} rename to ${template}`).catch(async () => {
        await admin.unsafe(`drop database if exists ${building} with (force)`); // another run built it first
      });
    }
  } finally {
    await admin.end();
  }
  return createPostgresDatabase(template);
}

function urlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

const postgresUrls = new WeakMap<Database, string>();

/** The URL of a throwaway PostgreSQL database, to open a second pool on it (another process, as far as it can tell). */
export function postgresUrlOf(database: Database): string {
  const url = postgresUrls.get(database);
  if (!url) throw new Error('not a throwaway PostgreSQL database');
  return url;
}

/** A throwaway database on the server DATABASE_URL names (a copy of `template` if given); closing it drops it. */
async function createPostgresDatabase(template?: string): Promise<Database> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `peacegraph_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const database = await openDatabase({ url: urlFor(name), maxConnections: 5 });
  postgresUrls.set(database, urlFor(name));
  const close = database.close;
  database.close = async () => {
    await close();
    const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
  return database;
}
