import { and, asc, eq, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import { formatMoneyAmount, type Db } from '@peacegraph/kit';
import { payments } from '../payment/payment.table';
import { arrearsOf } from './arrears';
import { assessments, type AssessmentRow } from './assessment.table';
import type { MemberStateArrears } from './assessment.type';

export interface AssessmentFilter {
  memberStateIso3?: string | null;
  missionId?: string | null;
  fiscalPeriodId?: string | null;
}

/** Assessments as clients see them: the amount in its currency's minor units (the column holds 3 decimals). */
export async function listAssessments(db: Db, filter: AssessmentFilter): Promise<AssessmentRow[]> {
  const conditions: SQL[] = [];
  if (filter.memberStateIso3) conditions.push(eq(assessments.memberStateIso3, filter.memberStateIso3));
  if (filter.missionId) conditions.push(eq(assessments.missionId, filter.missionId));
  if (filter.fiscalPeriodId) conditions.push(eq(assessments.fiscalPeriodId, filter.fiscalPeriodId));
  const rows = await db.select().from(assessments).where(and(...conditions)).orderBy(asc(assessments.id));
  return rows.map((row) => ({ ...row, assessedAmount: formatMoneyAmount(row.assessedAmount, row.currency) }));
}

/** Arrears as of a date for one member state or all: two statements whatever the number of states. */
export async function arrearsAsOf(db: Db, asOf: string, memberStateIso3: string | null): Promise<MemberStateArrears[]> {
  const rows = await listAssessments(db, { memberStateIso3 });
  if (!rows.length) return [];
  const paid = await db
    .select({ assessmentId: payments.assessmentId, amount: payments.amount, paidOn: payments.paidOn })
    .from(payments)
    .where(and(isNotNull(payments.assessmentId), lte(payments.paidOn, asOf), inArray(payments.assessmentId, rows.map((r) => r.id))));
  const states = [...new Set(rows.map((r) => r.memberStateIso3))].sort();
  return states.map((iso3) =>
    arrearsOf(
      iso3,
      asOf,
      rows.filter((r) => r.memberStateIso3 === iso3),
      paid.map((p) => ({ assessmentId: p.assessmentId!, amount: p.amount, paidOn: p.paidOn })),
    ),
  );
}
