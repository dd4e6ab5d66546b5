import { jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/**
 * The first result of every write, by the writer's organisation and its client key: a retry
 * with the same key returns it instead of writing twice. Keyed per organisation, so nobody
 * reads another organisation's result by guessing its key.
 */
export const missionWriteReceipts = missionsSchema.table(
  'write_receipts',
  {
    organizationId: text('organization_id').notNull(),
    clientKey: text('client_key').notNull(),
    operation: text('operation').notNull(),
    /** Hash of the request: a reused key with different content is refused. */
    inputHash: text('input_hash').notNull(),
    /** The key of the row the first call wrote (resolution symbol, mission id, measurement id). */
    resultId: text('result_id').notNull(),
    /** The first call's result as returned (for audit; the retry re-reads the row). */
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.clientKey] })],
);
