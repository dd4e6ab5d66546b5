// Generates the SQL migrations of every set from the drizzle tables (drizzle-kit), one set
// per Postgres schema. Pass set names to limit it: `pnpm db:generate missions`.
import { execFileSync } from 'node:child_process';
import { MIGRATION_SETS } from '@peacegraph/kit';

const wanted = process.argv.slice(2);
for (const set of MIGRATION_SETS) {
  if (wanted.length && !wanted.includes(set)) continue;
  console.log(`\n— ${set}`);
  execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, MIGRATION_SET: set },
  });
}
