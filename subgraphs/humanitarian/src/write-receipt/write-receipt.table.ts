import { jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/**
 * The first result of every write, by the writer's organisation and its client key: a retry
 * with the same key returns it instead of writing twice. Keyed per organisation so one
 * organisation can never read another's result by guessing its key.
 */
export const writeReceipts = humanitarianSchema.table(
  'write_receipts',
  {
    organizationId: text('organization_id').notNull(),
    clientKey: text('client_key').notNull(),
    operation: text('operation').notNull(),
    /** The id of the row the write created or changed. */
    resultId: text('result_id').notNull(),
    /** The request's input, to refuse a reused key with different content. */
    inputHash: text('input_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    extra: jsonb('extra'),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.clientKey] })],
);
export type WriteReceiptRow = typeof writeReceipts.$inferSelect;
