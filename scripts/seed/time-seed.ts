// Times a scaled seed on PostgreSQL (issue 19: "×100 seeded in minutes, the time reported"):
// `tsx scripts/seed/time-seed.ts 100` creates a throwaway database next to DATABASE_URL's
// (default postgres://postgres@127.0.0.1:5432/postgres), migrates it, seeds it at that scale
// with the real data of SHARED_DATA_DIR, prints each step's line and the total, and drops it.
import postgres from 'postgres';
import { checkedScale, migrateAll, openDatabase, sharedDataDir } from '@peacegraph/kit';
import { seedAll } from './seed-all';

const scale = checkedScale(Number(process.argv[2] ?? 10));
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `peacegraph_seed_time_x${scale}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const database = await openDatabase({ url: url.toString() });
  try {
    await migrateAll(database);
    const started = Date.now();
    const summary = await seedAll(database, sharedDataDir, { scale });
    const seconds = (Date.now() - started) / 1000;
    for (const line of summary.lines) console.log(line);
    console.log(`×${scale} seeded in ${seconds.toFixed(1)} s`);
  } finally {
    await database.close();
  }
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
