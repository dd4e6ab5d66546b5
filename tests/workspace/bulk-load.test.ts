// The seeds' bulk loader (kit/src/bulk-load.ts): COPY on PostgreSQL must store exactly what the
// multi-row INSERTs store — every value drizzle binds, including text that COPY's format has to
// escape — and, like them, skip rows whose key is already there.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, numeric, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { bulkLoader, copyField, insertInBatches, type Database } from '@peacegraph/kit';
import { TEST_DATABASES } from '../databases';

const probe = pgSchema('bulk_probe');
const columns = () => ({
  id: text('id').primaryKey(),
  note: text('note'),
  n: integer('n').notNull(),
  amount: numeric('amount', { precision: 18, scale: 2 }),
  flag: boolean('flag').notNull(),
  tags: text('tags').array().notNull(),
  at: timestamp('at', { withTimezone: true }),
  doc: jsonb('doc'),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
const viaInsert = probe.table('via_insert', columns());
const viaBulk = probe.table('via_bulk', columns());

const AWKWARD = ['tab\there', 'new\nline', 'back\\slash', 'cr\rreturn', '\\N', 'quote "and" comma, {brace}', 'naïve — ünïcode', ''];
const rows = AWKWARD.map((note, i) => ({
  id: `r${i}`,
  note: i === 3 ? null : note,
  n: i - 3,
  amount: i % 2 ? `${i}12345.67` : null,
  flag: i % 3 === 0,
  tags: [note, 'plain', ...(i % 2 ? [] : ['NULL'])],
  at: new Date(Date.UTC(2025, 0, 1 + i, 12, 30)),
  doc: { note, list: [i, null] },
}));

test('copyField escapes what COPY text format reserves and writes nulls as \\N', () => {
  expect(copyField(null)).toBe('\\N');
  expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  expect(copyField('\\N')).toBe('\\\\N');
  expect(copyField(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
});

describe.each(TEST_DATABASES)('bulk load on $label', (kind) => {
  let database: Database;
  const select = async (table: string) => {
    const result = await database.db.execute(sql.raw(`select id, note, n, amount, flag, tags, at, doc from bulk_probe.${table} order by id`));
    return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  };

  beforeAll(async () => {
    database = await kind.create();
    await database.exec(`create schema bulk_probe;
      create table bulk_probe.via_insert (id text primary key, note text, n integer not null, amount numeric(18,2), flag boolean not null, tags text[] not null, at timestamptz, doc jsonb, loaded_at timestamptz not null default now());
      create table bulk_probe.via_bulk (like bulk_probe.via_insert including all);`);
  });
  afterAll(async () => {
    await database?.close();
  });

  test('the loader stores the same rows as drizzle INSERTs, and a second load adds nothing', async () => {
    expect(await insertInBatches(database.db, 3)(viaInsert, rows)).toBe(rows.length);
    const load = bulkLoader(database);
    expect(await load(viaBulk, rows)).toBe(rows.length);
    expect(await select('via_bulk')).toEqual(await select('via_insert'));
    expect(await load(viaBulk, rows)).toBe(0);
  });

  // COPY has no per-row DEFAULT; INSERTs (PGlite) have, so only COPY must refuse.
  test.skipIf(kind.label !== 'postgres')('COPY refuses a column left to its default on some rows but set on others, rather than loading nulls', async () => {
    const mixed = [{ ...rows[0]!, id: 'm1', loadedAt: new Date() }, { ...rows[1]!, id: 'm2' }];
    await expect(bulkLoader(database)(viaBulk, mixed)).rejects.toThrow(/some rows set loadedAt/);
  });
});
