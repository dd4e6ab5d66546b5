import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { badInput, type Db, type Identity } from '@peacegraph/kit';
import { financeWriteReceipts } from './write-receipt.table';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .filter((k) => k !== 'clientKey' && (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Runs `work` in one transaction and stores its result under (actor, clientKey). A retry with
 * the same key and input returns the stored result; the same key with a different input is
 * refused. Two concurrent first attempts: one commits, the other's receipt insert conflicts,
 * its transaction rolls back, and it returns the winner's result.
 */
export async function idempotent<T>(
  db: Db,
  identity: Identity,
  operation: string,
  input: { clientKey: string },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const clientKey = input.clientKey?.trim();
  if (!clientKey || clientKey.length > 200) throw badInput('input.clientKey', 'must be a non-empty string of at most 200 characters, unique per write.');
  const actor = identity.organizationId ?? identity.subject;
  const inputHash = createHash('sha256').update(`${operation}:${canonical(input)}`).digest('base64url');
  const stored = async (): Promise<T | undefined> => {
    const [row] = await db
      .select()
      .from(financeWriteReceipts)
      .where(and(eq(financeWriteReceipts.actor, actor), eq(financeWriteReceipts.clientKey, clientKey)));
    if (!row) return undefined;
    if (row.operation !== operation || row.inputHash !== inputHash) {
      throw new GraphQLError('input.clientKey: already used for a different write; use a new key for a new write.', {
        extensions: { code: 'CONFLICT', field: 'input.clientKey' },
      });
    }
    return row.result as T;
  };
  const previous = await stored();
  if (previous !== undefined) return previous;
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      await tx.insert(financeWriteReceipts).values({ actor, clientKey, operation, inputHash, result: result as object });
      return result;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await stored();
    if (winner === undefined) throw error;
    return winner;
  }
}
