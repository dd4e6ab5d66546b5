import type { Db } from '@peacegraph/kit';
import { payments, type PaymentRow } from './payment.table';

export async function insertPayment(tx: Db, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [inserted] = await tx.insert(payments).values(row).returning();
  return inserted!;
}
