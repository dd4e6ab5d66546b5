// What every rollup suite checks the same way (tests/*/…-rollup.test.ts).
import { expect } from 'vitest';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@peacegraph/kit';

/** Deletes every row of `table` in a transaction that then fails: the rollup must not see it. */
export async function deleteAllThenRollBack(db: Db, table: PgTable): Promise<void> {
  await expect(
    db.transaction(async (tx) => {
      await tx.delete(table);
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
}
