import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import path from 'node:path';
import type { Database } from './db';
import { repoRoot } from './paths';

/**
 * Migration sets in the order they must run: the policy tables first (every subgraph reads
 * agreements), then each subgraph's own Postgres schema. Each set keeps its own journal
 * table, so the sets are generated and applied independently.
 */
export const MIGRATION_SETS = ['policy', 'missions', 'incidents', 'humanitarian', 'finance'] as const;
export type MigrationSet = (typeof MIGRATION_SETS)[number];

export async function migrateAll(database: Database, sets: readonly MigrationSet[] = MIGRATION_SETS): Promise<void> {
  for (const set of sets) await migrateSet(database, set);
}

/** Applies one set's pending migrations, from `migrations/<set>` or another folder in its layout (tests of a migration). */
export async function migrateSet(database: Database, set: MigrationSet, folder = path.join(repoRoot, 'migrations', set)): Promise<void> {
  const config = { migrationsFolder: folder, migrationsSchema: 'drizzle', migrationsTable: `${set}_migrations` };
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
}
