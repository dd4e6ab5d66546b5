import { eq } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { assessments, type AssessmentRow } from './assessment.table';

/** The assessment a payment is recorded against, locked until the transaction ends (payments to it are serialised). */
export async function lockAssessment(tx: Db, id: string): Promise<AssessmentRow | null> {
  const [row] = await tx.select().from(assessments).where(eq(assessments.id, id)).for('update');
  return row ?? null;
}
