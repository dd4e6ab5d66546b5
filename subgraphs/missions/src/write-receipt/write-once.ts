import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { badInput, type Db } from '@peacegraph/kit';
import { missionWriteReceipts } from './write-receipt.table';

export interface WriteKey {
  organizationId: string;
  clientKey: string;
  operation: string;
  /** The request as given (without the client key): a reused key must come with the same request. */
  input: unknown;
}

export function checkClientKey(clientKey: string): void {
  if (!clientKey.trim() || clientKey.length > 200) throw badInput('input.clientKey', 'must be 1–200 characters.');
}

export function conflict(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'CONFLICT', field } });
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/**
 * Runs `write` once per (organisation, client key), in one transaction with the receipt.
 * The receipt is claimed first (`on conflict do nothing`): a concurrent retry blocks on the
 * key until the first transaction ends, then finds its receipt and never writes twice. A
 * retry returns the first result id; a key reused for a different request is refused. If
 * `write` throws, the transaction (receipt included) rolls back: nothing is written.
 */
export async function writeOnce<R>(
  db: Db,
  key: WriteKey,
  resultId: string,
  write: (tx: Db) => Promise<R>,
  /** The input field a unique-key violation inside `write` is about (a concurrent write with another key won the race). */
  uniqueField?: string,
): Promise<{ id: string; replayed: boolean }> {
  const inputHash = hashOf({ operation: key.operation, input: key.input });
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(missionWriteReceipts)
      .values({ organizationId: key.organizationId, clientKey: key.clientKey, operation: key.operation, resultId, inputHash })
      .onConflictDoNothing()
      .returning({ resultId: missionWriteReceipts.resultId });
    const receiptKey = and(eq(missionWriteReceipts.organizationId, key.organizationId), eq(missionWriteReceipts.clientKey, key.clientKey));
    if (claimed.length === 0) {
      const [first] = await tx.select().from(missionWriteReceipts).where(receiptKey);
      if (!first || first.inputHash !== inputHash) {
        throw badInput('input.clientKey', 'was already used for a different request; use a new key for a new write.');
      }
      return { id: first.resultId, replayed: true };
    }
    let result: R;
    try {
      result = await write(tx as unknown as Db);
    } catch (error) {
      if (uniqueField && isUniqueViolation(error)) throw conflict(uniqueField, 'was recorded by a concurrent request.');
      throw error;
    }
    await tx.update(missionWriteReceipts).set({ result: result as unknown as object }).where(receiptKey);
    return { id: resultId, replayed: false };
  });
}

/** PostgreSQL 23505, whether the driver error comes bare or wrapped by drizzle (`cause`). */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
