import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import path from 'node:path';
import type { Database } from './db';
import { repoRoot } from './paths';
import { MIGRATION_SOURCES } from '../../manifests';

/**
 * Migration sets in the order they must run (subgraphs/manifests.ts): the policy tables first,
 * then each subgraph's own Postgres schema. Each set keeps its own journal table, so the sets
 * are generated (drizzle.config.ts) and applied independently.
 */
export const MIGRATION_SETS: readonly string[] = MIGRATION_SOURCES.map((s) => s.schema);
/** A migration set's name: `policy` or a subgraph's schema. */
export type MigrationSet = string;

export async function migrateAll(database: Database, sets: readonly MigrationSet[] = MIGRATION_SETS): Promise<void> {
  for (const set of sets) await migrateSet(database, set);
}

/** Applies one set's pending migrations, from `migrations/<set>` or another folder in its layout (tests of a migration). */
export async function migrateSet(database: Database, set: MigrationSet, folder?: string): Promise<void> {
  const source = MIGRATION_SOURCES.find((s) => s.schema === set);
  if (!source) throw new Error(`Unknown migration set ${set} (known: ${MIGRATION_SETS.join(', ')}).`);
  folder ??= path.join(repoRoot, source.migrationsFolder);
  const config = { migrationsFolder: folder, migrationsSchema: 'drizzle', migrationsTable: `${set}_migrations` };
  if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
}
