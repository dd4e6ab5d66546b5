import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../../../tests/databases';
import type { Database, Db } from './db';
import { idempotent, writeReceiptsTable, type IdempotencyKey } from './idempotency';

const receipts = writeReceiptsTable(pgSchema('idem'));

/** What a write did: one row per call that really wrote. */
async function notes(db: Db): Promise<{ id: string; body: string }[]> {
  const rows = await db.execute(sql`select id, body from idem.notes order by id`);
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { id: string; body: string }[];
}

/** A write that takes a moment, so concurrent callers really overlap on PostgreSQL. */
const addNote = (body: string, id = randomUUID()) => async (tx: Db) => {
  await tx.execute(sql`insert into idem.notes (id, body) values (${id}, ${body})`);
  await tx.execute(sql`select pg_sleep(0.05)`);
  return { id, body, at: new Date('2026-01-02T03:04:05Z') };
};

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
};

describe.each(TEST_DATABASES)('idempotent writes ($label)', (kind) => {
  let database: Database;
  let db: Db;
  const key = (clientKey: string, input: unknown, over: Partial<IdempotencyKey> = {}): IdempotencyKey => ({
    organizationId: 'org-a',
    clientKey,
    operation: 'addNote',
    input,
    ...over,
  });

  beforeAll(async () => {
    database = await kind.create();
    db = database.db;
    await database.exec(`
      create schema idem;
      create table idem.notes (id text primary key, body text not null unique);
      create table idem.write_receipts (
        organization_id text not null, client_key text not null, operation text not null, input_hash text not null,
        result jsonb, created_at timestamptz not null default now(), primary key (organization_id, client_key));`);
  });
  afterAll(() => database?.close());

  it('same key and same input: the first result, replayed, and one write', async () => {
    const first = await idempotent(db, receipts, key('k1', { body: 'one', tags: ['a'] }), addNote('one'));
    // Key order and the key inside the input do not make it another request.
    const again = await idempotent(db, receipts, key('k1', { tags: ['a'], clientKey: 'k1', body: 'one' }), addNote('one'));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ result: first.result, replayed: true });
    // The first caller gets what is stored (a Date as its JSON string), as every retry will.
    expect(first.result.at).toBe('2026-01-02T03:04:05.000Z');
    expect((await notes(db)).filter((n) => n.body === 'one')).toHaveLength(1);
  });

  it('same key with another input or another operation: CONFLICT naming the key, nothing written', async () => {
    await idempotent(db, receipts, key('k2', { body: 'two' }), addNote('two'));
    const other = await errorOf(idempotent(db, receipts, key('k2', { body: 'deux' }), addNote('deux')));
    expect(other.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientKey' });
    expect(other.message).toContain("'k2'");
    const otherOperation = await errorOf(idempotent(db, receipts, key('k2', { body: 'two' }, { operation: 'other', field: 'clientKey' }), addNote('two bis')));
    expect(otherOperation.extensions).toMatchObject({ code: 'CONFLICT', field: 'clientKey' });
    expect((await notes(db)).map((n) => n.body)).not.toContain('deux');
    expect((await notes(db)).map((n) => n.body)).not.toContain('two bis');
  });

  it('keys are per organisation: another organisation with the same key writes its own, and a caller without one is refused', async () => {
    const a = await idempotent(db, receipts, key('shared', { body: 'a' }), addNote('by a'));
    const b = await idempotent(db, receipts, key('shared', { body: 'a' }, { organizationId: 'org-b' }), addNote('by b'));
    expect(b.replayed).toBe(false);
    expect(b.result.id).not.toBe(a.result.id);
    const anonymous = await errorOf(idempotent(db, receipts, key('k3', { body: 'x' }, { organizationId: null }), addNote('anonymous')));
    expect(anonymous.extensions).toMatchObject({ code: 'FORBIDDEN' });
    for (const bad of ['', '   ', 'x'.repeat(201)]) {
      expect((await errorOf(idempotent(db, receipts, key(bad, { body: 'x' }), addNote(`bad ${bad.length}`)))).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.clientKey',
      });
    }
    expect((await notes(db)).map((n) => n.body).filter((b) => b === 'anonymous' || b.startsWith('bad '))).toEqual([]);
  });

  it('a write that fails leaves no receipt: the same key can be used again', async () => {
    const failing = async () => {
      throw new Error('refused by the write');
    };
    await expect(idempotent(db, receipts, key('k4', { body: 'four' }), failing)).rejects.toThrow('refused by the write');
    const retried = await idempotent(db, receipts, key('k4', { body: 'four' }), addNote('four'));
    expect(retried.replayed).toBe(false);
  });

  it('concurrent retries with one key: one write, one result for all', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => idempotent(db, receipts, key('k5', { body: 'five' }), addNote('five'))));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    for (const r of results) expect(r.result).toEqual(results[0]!.result);
    expect((await notes(db)).filter((n) => n.body === 'five')).toHaveLength(1);
  });

  it('concurrent writes of one row under different keys: one lands, the others get a CONFLICT on the named field', async () => {
    const settled = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => idempotent(db, receipts, key(`k6-${i}`, { body: 'six' }), addNote('six'), { uniqueField: 'input.body' })),
    );
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled) if (s.status === 'rejected') expect(s.reason.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.body' });
  });
});
