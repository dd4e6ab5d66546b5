import { defineConfig } from 'drizzle-kit';

// One migration set per Postgres schema (see subgraphs/kit/src/migrate.ts). Pick it with
// MIGRATION_SET; `pnpm db:generate` runs every set.
const set = process.env.MIGRATION_SET ?? 'missions';
const schemaFile: Record<string, string> = {
  policy: './subgraphs/kit/src/policy/tables.ts',
  missions: './subgraphs/missions/src/tables.ts',
  incidents: './subgraphs/incidents/src/tables.ts',
  humanitarian: './subgraphs/humanitarian/src/tables.ts',
  finance: './subgraphs/finance/src/tables.ts',
};
if (!schemaFile[set]) throw new Error(`Unknown MIGRATION_SET ${set}`);

export default defineConfig({
  dialect: 'postgresql',
  schema: schemaFile[set],
  out: `./migrations/${set}`,
  schemaFilter: [set],
  casing: undefined,
});
