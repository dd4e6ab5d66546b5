import type { Db } from '@peacegraph/kit';
import { sourceReports } from './source-report.table';

export async function insertSourceReport(tx: Db, row: typeof sourceReports.$inferInsert): Promise<void> {
  await tx.insert(sourceReports).values(row);
}
