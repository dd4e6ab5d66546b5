import type { Db } from '@peacegraph/kit';
import { assessments } from '../assessment/assessment.table';
import { missionBudgets } from '../mission-budget/mission-budget.table';
import { fromCents, toCents } from '../money/decimal';
import { payments } from '../payment/payment.table';
import { ASSESSMENT_DUE_DATE, ASSESSMENT_SOURCE, GENERATED_PAYMENTS, SCALE_RATES_2022_2024 } from './assessments.data';

/** appropriation × rate% → cents, half up. rate has six decimals. */
export function assessedAmount(approved: string, scaleRate: string): string {
  const [whole, fraction = ''] = scaleRate.split('.');
  const rateMicro = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  const denominator = 100n * 1_000_000n;
  return fromCents((toCents(approved) * rateMicro * 2n + denominator) / (2n * denominator));
}

/** Assessments for every seeded budget × demo member state, and the generated payments. Idempotent. */
export async function seedAssessments(db: Db): Promise<number> {
  const budgets = await db.select().from(missionBudgets);
  const rows = budgets.flatMap((b) =>
    SCALE_RATES_2022_2024.map((s) => ({
      id: `${s.memberStateIso3}:${b.missionId}:${b.fiscalPeriodId}`,
      memberStateIso3: s.memberStateIso3,
      missionId: b.missionId,
      fiscalPeriodId: b.fiscalPeriodId,
      scaleRate: s.scaleRate,
      assessedAmount: assessedAmount(b.approvedAmount, s.scaleRate),
      currency: b.currency,
      dueDate: ASSESSMENT_DUE_DATE[b.fiscalPeriodId] ?? `${b.fiscalPeriodId.slice(0, 4)}-07-31`,
      source: ASSESSMENT_SOURCE,
      estimated: true,
    })),
  );
  if (!rows.length) return 0;
  let inserted = (await db.insert(assessments).values(rows).onConflictDoNothing().returning({ id: assessments.id })).length;
  const paymentRows = GENERATED_PAYMENTS.flatMap((p) =>
    rows
      .filter((a) => a.memberStateIso3 === p.memberStateIso3 && (p.missionId === '*' || a.missionId === p.missionId))
      .map((a) => ({
        id: `PAY-SEED-${a.id}`,
        assessmentId: a.id,
        fundingFlowId: null,
        amount: fromCents((toCents(a.assessedAmount) * BigInt(p.share)) / 100n),
        currency: a.currency,
        paidOn: p.paidOn,
        excessAmount: null,
        flagged: false,
        origin: 'generated (illustrative)',
        recordedBy: 'seed',
      })),
  );
  if (paymentRows.length) inserted += (await db.insert(payments).values(paymentRows).onConflictDoNothing().returning({ id: payments.id })).length;
  return inserted;
}
