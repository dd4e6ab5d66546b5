import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUnreachableError, openDatabase } from './db';

describe('embedded database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'peacegraph-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what was written across a restart when given a data directory', async () => {
    const nested = path.join(dir, 'not', 'yet', 'there'); // a fresh clone has no .data/ folder
    const first = await openDatabase({ dataDir: nested });
    await first.exec("create table notes (body text); insert into notes values ('kept')");
    await first.close();
    const second = await openDatabase({ dataDir: nested });
    const rows = await second.db.execute<{ body: string }>('select body from notes' as never);
    await second.close();
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { body: string }[] }).rows;
    expect(list.map((r) => r.body)).toEqual(['kept']);
  });
});

describe('PostgreSQL', () => {
  it('names host and port, not the password, when the server cannot be reached', async () => {
    const error = await openDatabase({ url: 'postgres://user:s3cret@127.0.0.1:1/peacegraph' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toMatch(/127\.0\.0\.1:1\/peacegraph/);
    expect((error as Error).message).not.toMatch(/s3cret/);
  });
});
