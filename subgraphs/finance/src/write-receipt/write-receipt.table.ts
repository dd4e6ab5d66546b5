import { jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * The first result of every write, by the caller's client key: a retry with the same key and
 * input gets the stored result back instead of writing twice.
 */
export const financeWriteReceipts = financeSchema.table(
  'write_receipts',
  {
    /** Organisation id, or the subject for callers without one. */
    actor: text('actor').notNull(),
    clientKey: text('client_key').notNull(),
    operation: text('operation').notNull(),
    /** sha256 of the canonical input: the same key with another input is a conflict. */
    inputHash: text('input_hash').notNull(),
    result: jsonb('result').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actor, t.clientKey] })],
);
