import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { badInput, type Db } from '@peacegraph/kit';
import { writeReceipts } from './write-receipt.table';

export interface WriteKey {
  organizationId: string;
  clientKey: string;
  operation: string;
  /** The request as given: a reused key must come with the same request. */
  input: unknown;
}

export function checkClientKey(clientKey: string): void {
  if (!clientKey.trim() || clientKey.length > 200) throw badInput('clientKey', 'must be 1–200 characters.');
}

function hashOf(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
}

/**
 * Runs `write` once per (organisation, client key), in one transaction with the receipt.
 * The receipt is claimed first (`on conflict do nothing`): a concurrent retry waits for the
 * first transaction and then finds its receipt, so it never writes twice. A retry returns
 * the first result id; a key reused for a different request is refused, naming `clientKey`.
 */
export async function writeOnce(db: Db, key: WriteKey, resultId: string, write: (tx: Db) => Promise<void>): Promise<{ id: string; replayed: boolean }> {
  const inputHash = hashOf({ operation: key.operation, input: key.input });
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(writeReceipts)
      .values({ organizationId: key.organizationId, clientKey: key.clientKey, operation: key.operation, resultId, inputHash })
      .onConflictDoNothing()
      .returning({ resultId: writeReceipts.resultId });
    if (claimed.length === 0) {
      const [first] = await tx
        .select()
        .from(writeReceipts)
        .where(and(eq(writeReceipts.organizationId, key.organizationId), eq(writeReceipts.clientKey, key.clientKey)));
      if (!first || first.inputHash !== inputHash) {
        throw badInput('clientKey', 'was already used for a different request; use a new key for a new write.');
      }
      return { id: first.resultId, replayed: true };
    }
    await write(tx as unknown as Db);
    return { id: resultId, replayed: false };
  });
}

/** FORBIDDEN naming the field that asked for something the caller may not do. */
export function forbiddenField(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'FORBIDDEN', field } });
}

export function notFoundField(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'NOT_FOUND', field } });
}

export function conflictField(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: 'CONFLICT', field } });
}
