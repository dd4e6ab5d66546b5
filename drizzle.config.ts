import { defineConfig } from 'drizzle-kit';
import { MIGRATION_SOURCES } from './subgraphs/manifests';

// One migration set per Postgres schema: the policy tables and each subgraph's manifest
// (subgraphs/manifests.ts). Pick it with MIGRATION_SET; `pnpm db:generate` runs every set.
const name = process.env.MIGRATION_SET ?? 'missions';
const set = MIGRATION_SOURCES.find((s) => s.schema === name);
if (!set) throw new Error(`Unknown MIGRATION_SET ${name}`);

export default defineConfig({
  dialect: 'postgresql',
  schema: `./${set.tablesModule}`,
  out: `./${set.migrationsFolder}`,
  schemaFilter: [set.schema],
  casing: undefined,
});
