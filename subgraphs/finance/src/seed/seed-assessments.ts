import type { Db } from '@peacegraph/kit';
import { assessments } from '../assessment/assessment.table';
import { missionBudgets } from '../mission-budget/mission-budget.table';
import { scaleAmount } from '../money/decimal';
import { payments } from '../payment/payment.table';
import { assessmentDueDate, ASSESSMENT_SOURCE, GENERATED_PAYMENTS, SCALE_LAST_YEAR, SCALE_RATES_2022_2024 } from './assessments.data';

/** appropriation × rate% in the budget's currency, half up. rate has six decimals. */
export function assessedAmount(approved: string, scaleRate: string, currency: string): string {
  const [whole, fraction = ''] = scaleRate.split('.');
  const rateMicro = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  const denominator = 100n * 1_000_000n;
  return scaleAmount(approved, rateMicro, denominator, currency);
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
      assessedAmount: assessedAmount(b.approvedAmount, s.scaleRate, b.currency),
      currency: b.currency,
      dueDate: assessmentDueDate(b.fiscalPeriodId),
      // Estimated when the budget is, or when the period runs past the scale's last year.
      source: Number(b.fiscalPeriodId.slice(0, 4)) + 1 > SCALE_LAST_YEAR ? `${ASSESSMENT_SOURCE}, applied to the whole period although its second half falls under the next scale` : ASSESSMENT_SOURCE,
      estimated: b.estimated || Number(b.fiscalPeriodId.slice(0, 4)) + 1 > SCALE_LAST_YEAR,
    })),
  );
  if (!rows.length) return 0;
  let inserted = (await db.insert(assessments).values(rows).onConflictDoNothing().returning({ id: assessments.id })).length;
  const paymentRows = GENERATED_PAYMENTS.flatMap((p) =>
    rows
      .filter((a) => a.memberStateIso3 === p.memberStateIso3 && a.fiscalPeriodId === p.fiscalPeriodId && (p.missionId === '*' || a.missionId === p.missionId))
      .map((a) => ({
        id: `PAY-SEED-${a.id}`,
        assessmentId: a.id,
        fundingFlowId: null,
        amount: scaleAmount(a.assessedAmount, BigInt(p.share), 100n, a.currency, 'down'),
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
