import { writeReceiptsTable } from '@peacegraph/kit';
import { humanitarianSchema } from '../schema';

/** The receipts of this subgraph's writes by client key (shape and semantics: kit's idempotency.ts). */
export const writeReceipts = writeReceiptsTable(humanitarianSchema);
