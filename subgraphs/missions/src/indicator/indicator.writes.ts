import type { Db } from '@peacegraph/kit';
import { measurements } from './indicator.table';

export async function insertMeasurement(tx: Db, row: typeof measurements.$inferInsert): Promise<void> {
  await tx.insert(measurements).values(row);
}
