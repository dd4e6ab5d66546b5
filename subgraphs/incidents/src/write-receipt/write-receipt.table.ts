import { writeReceiptsTable } from '@peacegraph/kit';
import { incidentsSchema } from '../schema';

/** The receipts of this subgraph's writes by client key (shape and semantics: kit's idempotency.ts). */
export const writeReceipts = writeReceiptsTable(incidentsSchema);
