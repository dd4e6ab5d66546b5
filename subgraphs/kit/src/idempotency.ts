import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { jsonb, primaryKey, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { Db } from './db';
import { badInput } from './errors';

/**
 * The receipts of one subgraph's writes, in its own schema (each subgraph owns its data): the
 * first result of every write under a caller organisation's client key. Keyed per organisation,
 * so nobody replays, or learns of, another organisation's write by guessing its key.
 */
export function writeReceiptsTable(schema: PgSchema) {
  return schema.table(
    'write_receipts',
    {
      organizationId: text('organization_id').notNull(),
      clientKey: text('client_key').notNull(),
      operation: text('operation').notNull(),
      /** sha256 of the operation and the canonical input: the same key with another request is a CONFLICT. */
      inputHash: text('input_hash').notNull(),
      /** The first call's result, returned as is to every retry. Null only inside the claiming transaction. */
      result: jsonb('result'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.organizationId, t.clientKey] })],
  );
}
export type WriteReceipts = ReturnType<typeof writeReceiptsTable>;

export interface IdempotencyKey {
  /** The caller's organisation: keys are scoped by it, and a caller without one cannot write. */
  organizationId: string | null | undefined;
  clientKey: string;
  operation: string;
  /** The request as given; a top-level `clientKey` in it is ignored. */
  input: unknown;
  /** Where the caller gave the key, named in errors (default `input.clientKey`). */
  field?: string;
}

export interface IdempotencyOptions {
  /**
   * The input field a unique violation inside `write` is about: a concurrent write under
   * another key won the race for the same row, which is a CONFLICT, not an internal error.
   */
  uniqueField?: string;
}

export interface Idempotent<T> {
  result: T;
  /** True when the key had been used: the first result is returned and nothing is written. */
  replayed: boolean;
}

const MAX_KEY_LENGTH = 200;

/** CONFLICT naming the field; what the caller asked collides with what is stored. */
export function conflict(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'CONFLICT', field } });
}

/**
 * Runs `write` once per (organisation, client key), in one transaction with its receipt.
 * The receipt is claimed first (`on conflict do nothing`), so a concurrent retry blocks on the
 * key until the first transaction ends and then finds its receipt: one write, one result. A
 * retry with the same request gets the first result; the same key with another request (or
 * another operation) is a CONFLICT naming the key. If `write` throws, everything rolls back,
 * the receipt included, and the key can be used again.
 */
export async function idempotent<T>(
  db: Db,
  receipts: WriteReceipts,
  key: IdempotencyKey,
  write: (tx: Db) => Promise<T>,
  options: IdempotencyOptions = {},
): Promise<Idempotent<T>> {
  const field = key.field ?? 'input.clientKey';
  const clientKey = key.clientKey?.trim() ?? '';
  if (!clientKey || clientKey.length > MAX_KEY_LENGTH) throw badInput(field, `must be 1–${MAX_KEY_LENGTH} characters, new for each write.`);
  const organizationId = key.organizationId;
  if (!organizationId) {
    throw new GraphQLError(`${field}: writes need a signed-in organisation.`, { extensions: { code: 'FORBIDDEN', field } });
  }
  const inputHash = hashOf(key.operation, key.input);
  return db.transaction(async (tx) => {
    const receiptKey = and(eq(receipts.organizationId, organizationId), eq(receipts.clientKey, clientKey));
    const claimed = await tx
      .insert(receipts)
      .values({ organizationId, clientKey, operation: key.operation, inputHash })
      .onConflictDoNothing()
      .returning({ clientKey: receipts.clientKey });
    if (claimed.length === 0) {
      const [first] = await tx.select().from(receipts).where(receiptKey);
      if (!first || first.operation !== key.operation || first.inputHash !== inputHash) {
        throw conflict(field, `'${clientKey}' was already used for a different request; use a new key for a new write.`);
      }
      return { result: first.result as T, replayed: true };
    }
    let result: T;
    try {
      // As stored: the first caller gets exactly what every retry will get.
      result = JSON.parse(JSON.stringify((await write(tx as unknown as Db)) ?? null)) as T;
    } catch (error) {
      if (options.uniqueField && isUniqueViolation(error)) throw conflict(options.uniqueField, 'was recorded by a concurrent request.');
      throw error;
    }
    await tx.update(receipts).set({ result: result as object }).where(receiptKey);
    return { result, replayed: false };
  });
}

/** The request's fingerprint: object keys sorted, undefined left out, the key itself left out. */
function hashOf(operation: string, input: unknown): string {
  const { clientKey: _key, ...request } = (input && typeof input === 'object' && !Array.isArray(input) ? input : { value: input }) as Record<string, unknown>;
  return createHash('sha256').update(`${operation}:${canonical(request)}`).digest('base64url');
}

function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** PostgreSQL 23505, whether the driver error comes bare or wrapped by drizzle (`cause`). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
