// One-off step before (re)starting separately run services on PostgreSQL: apply every
// migration set, and with `--seed` load the reference data, agreements and demo data.
// Idempotent: running it again (e.g. from each new release's deploy job) changes nothing.
//   DATABASE_URL=postgres://… npx tsx scripts/services/migrate.ts [--seed]
import { migrateAll, openDatabase } from '@peacegraph/kit';
import { seedAll } from '../seed/seed-all';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required (the services that run as separate processes share one PostgreSQL).');
  process.exit(1);
}
const database = await openDatabase({ url: process.env.DATABASE_URL, maxConnections: 2 });
try {
  await migrateAll(database);
  console.log(`Migrated ${database.location}`);
  if (process.argv.includes('--seed')) {
    for (const line of (await seedAll(database)).lines) console.log(`  seed ${line}`);
  }
} finally {
  await database.close();
}
