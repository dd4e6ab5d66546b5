import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { emptyClusterFor } from './empty-cluster';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { subgraphSetting } from './env';

/** The same drizzle API over PGlite or postgres.js: code above this line never knows which. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, without credentials: safe to print. */
  location: string;
  /** Statements sent through drizzle since start: tests and benchmarks read deltas of it. */
  statementCount(): number;
  /** Raw SQL for things drizzle does not model (DDL in tests, triggers). */
  exec(sql: string): Promise<void>;
  /** One round trip that proves the database answers (readiness). */
  ping(): Promise<void>;
  /**
   * LISTEN on `channel`: `onNotify` for each NOTIFY; `onConnect` each time the listening
   * connection (re)connects, since notifications sent while it was down are lost. Resolves
   * once listening; rejects if it cannot listen.
   */
  listen(channel: string, onNotify: () => void, onConnect: () => void): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** Each statement drizzle sends, with its parameters (tests capture the loaders' SQL to EXPLAIN it). */
export type StatementObserver = (query: string, params: unknown[]) => void;

class CountingLogger implements Logger {
  count = 0;
  constructor(private readonly observe?: StatementObserver) {}
  logQuery(query: string, params: unknown[]): void {
    this.count++;
    this.observe?.(query, params);
  }
}

export interface OpenDatabaseOptions {
  /** postgres://… → PostgreSQL; absent → embedded PGlite. */
  url?: string;
  /** PGlite data directory; `memory://` keeps nothing. */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** PGlite only: start from a data directory dumped by `dumpPglite` (test templates). */
  loadDataDir?: Blob;
  /**
   * PostgreSQL only: send drizzle's statements as named, server-side prepared statements
   * (parsed and planned once per connection). Default: `DATABASE_PREPARE` ≠ `off`; turn it
   * off behind a pooler that cannot carry prepared statements (PgBouncer before 1.21 in
   * transaction mode).
   */
  prepare?: boolean;
  /** Sees every statement drizzle sends, with its parameters. */
  onStatement?: StatementObserver;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.maxConnections ?? 10, options.prepare ?? subgraphSetting('DATABASE_PREPARE') !== false, options.onStatement)
    : openPglite(options.dataDir ?? 'memory://', options.loadDataDir, options.onStatement);
}

/** The PGlite behind each Database, for dumping its data directory. */
const pgliteClients = new WeakMap<Database, PGlite>();

/** A gzipped tarball of a PGlite database's data directory (reload with `loadDataDir`). */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = pgliteClients.get(database);
  if (!client) throw new Error('dumpPglite needs a PGlite database');
  return (await client.dumpDataDir('gzip')) as Blob;
}

async function openPglite(dataDir: string, loadDataDir?: Blob, onStatement?: StatementObserver): Promise<Database> {
  // A fresh clone has no .data/ yet; PGlite creates only the last folder of the path.
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const start = loadDataDir ?? emptyClusterFor(dataDir);
  const client = new PGlite(dataDir, start ? { loadDataDir: start } : {});
  await client.waitReady;
  const logger = new CountingLogger(onStatement);
  const db = drizzlePglite(client, { logger }) as unknown as Db;
  const database: Database = {
    db,
    kind: 'pglite',
    location: dataDir.startsWith('memory://') ? 'PGlite (in memory)' : `PGlite at ${dataDir}`,
    statementCount: () => logger.count,
    exec: async (sql) => {
      await client.exec(sql);
    },
    ping: async () => {
      await client.query('select 1');
    },
    // One connection, in this process: a NOTIFY reaches the listener before the statement that sent it returns.
    listen: async (channel, onNotify, onConnect) => {
      await client.listen(channel, () => onNotify());
      onConnect();
    },
    close: () => client.close(),
  };
  pgliteClients.set(database, client);
  return database;
}

/** The postgres.js client behind each PostgreSQL Database, for COPY (bulk-load.ts). */
const postgresClients = new WeakMap<Database, postgres.Sql>();

/** The postgres.js client of a PostgreSQL database (undefined for PGlite): only for what drizzle cannot send, such as COPY. */
export function postgresClientOf(database: Database): postgres.Sql | undefined {
  return postgresClients.get(database);
}

/** Distinct statements a process prepares at most; others run unnamed (the hot loaders bind their batch as one array, kit `anyOf`, so a batch size is not a new text; an IN list of each length would be). */
export const MAX_PREPARED_STATEMENTS = 300;

/**
 * The client drizzle talks to, preparing its statements: drizzle sends everything through
 * `unsafe`, which postgres.js runs unnamed (parsed and planned on every call) unless told
 * otherwise. postgres.js keeps the prepared ones per connection, keyed by their text; the
 * first MAX_PREPARED_STATEMENTS distinct texts are prepared, so the server's memory for them
 * stays bounded whatever the mix of statement texts.
 */
function preparingClient(client: postgres.Sql): postgres.Sql {
  const prepared = new Set<string>();
  const unsafe = (query: string, params?: unknown[], options?: object) => {
    let prepare = prepared.has(query);
    if (!prepare && prepared.size < MAX_PREPARED_STATEMENTS) {
      prepared.add(query);
      prepare = true;
    }
    return client.unsafe(query, params as never, { ...options, prepare });
  };
  return new Proxy(client, { get: (target, key, receiver) => (key === 'unsafe' ? unsafe : Reflect.get(target, key, receiver)) });
}

async function openPostgres(url: string, max: number, prepare: boolean, onStatement?: StatementObserver): Promise<Database> {
  const target = describeUrl(url);
  const client = postgres(url, {
    max,
    connect_timeout: 5,
    // Fail fast instead of hanging when the server is gone (readiness, issue 8).
    idle_timeout: 30,
    // Reconnect attempts 50 ms, 100 ms … apart, never more than a second (postgres.js's default
    // grows to 20 s): a request during an outage fails fast, and recovery is seen within a second.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnreachableError(
      `Cannot reach PostgreSQL at ${target} (${reason(error)}). Check that the server is running and that DATABASE_URL names the right host, port, user and database.`,
    );
  }
  const logger = new CountingLogger(onStatement);
  const db = drizzlePostgres(prepare ? preparingClient(client) : client, { logger }) as unknown as Db;
  const database: Database = {
    db,
    kind: 'postgres',
    location: `PostgreSQL at ${target}`,
    statementCount: () => logger.count,
    exec: async (sql) => {
      await client.unsafe(sql);
    },
    ping: async () => {
      await client`select 1`;
    },
    // A dedicated connection; postgres.js reconnects it and calls onConnect again.
    listen: async (channel, onNotify, onConnect) => {
      await client.listen(channel, () => onNotify(), () => onConnect());
    },
    close: () => client.end({ timeout: 5 }),
  };
  postgresClients.set(database, client);
  return database;
}

/** host:port/database — never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? String(error);
}
