// Issue 8: no restricted values in logs. Drizzle's errors carry the SQL parameters (a victim's
// name in an insert, a precise point in a filter): the log serializer must drop them.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '@peacegraph/kit';
import { TEST_DATABASES } from '../databases';

describe.each(TEST_DATABASES)('error logs on $label', (kind) => {
  it('keep the message and cause of a failed statement, never its parameters', async () => {
    const database = await kind.create();
    try {
      await database.exec('create table victims (id int primary key, name text not null)');
      const secret = 'Amina Restricted-Name 4.3612,18.5546';
      let error: unknown;
      try {
        await database.db.execute(sql`insert into victims (id, name) values (${1}, ${secret}), (${1}, ${secret})`);
      } catch (e) {
        error = e;
      }
      expect(error).toBeDefined();
      // Drizzle does carry the value: that is what the serializer is for.
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain(secret);
      let out = '';
      const log = createJsonLogger(new Writable({ write: (chunk, _e, done) => ((out += chunk), done()) }), 'info');
      log.error({ err: error, requestId: 'r-1' }, 'internal error');
      expect(out).toMatch(/"requestId":"r-1"/);
      expect(out).toMatch(/duplicate key|victims/);
      expect(out).not.toContain('Amina');
      expect(out).not.toContain('18.5546');
    } finally {
      await database.close();
    }
  });
});
