import { formatThousandths, toThousandths } from '../money/decimal';
import type { AssessmentRow } from './assessment.table';
import type { AssessmentStatus, MemberStateArrears } from './assessment.type';

export interface PaymentAmount {
  assessmentId: string;
  amount: string;
  paidOn: string;
}

const DAY_MS = 86_400_000;

/**
 * Arrears of one member state as of a date. Only payments made on or before `asOf` count; an
 * assessment is in arrears when its due date is on or before `asOf` and it is not fully paid.
 * Overpayment on one assessment is a credit, not a payment of another (the UN applies credits
 * only by General Assembly decision).
 */
export function arrearsOf(memberStateIso3: string, asOf: string, rows: AssessmentRow[], paymentRows: PaymentAmount[]): MemberStateArrears {
  let assessedDue = 0n;
  let paidDue = 0n;
  let arrears = 0n;
  let notYetDue = 0n;
  let credit = 0n;
  const statuses: AssessmentStatus[] = [];
  const currencies = new Set(rows.map((r) => r.currency));
  if (currencies.size > 1) throw new Error(`assessments of ${memberStateIso3} are in several currencies`);
  const currency = [...currencies][0] ?? 'USD';
  const format = (units: bigint) => formatThousandths(units, currency);
  for (const row of [...rows].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))) {
    const assessed = toThousandths(row.assessedAmount);
    const paid = paymentRows.filter((p) => p.assessmentId === row.id && p.paidOn <= asOf).reduce((s, p) => s + toThousandths(p.amount), 0n);
    const outstanding = assessed > paid ? assessed - paid : 0n;
    const over = paid > assessed ? paid - assessed : 0n;
    const due = row.dueDate <= asOf;
    credit += over;
    if (due) {
      assessedDue += assessed;
      paidDue += paid - over;
      arrears += outstanding;
    } else notYetDue += outstanding;
    const inArrears = due && outstanding > 0n;
    statuses.push({
      assessment: row,
      paid: format(paid),
      outstanding: format(outstanding),
      credit: format(over),
      inArrears,
      daysOverdue: inArrears ? Math.round((Date.parse(asOf) - Date.parse(row.dueDate)) / DAY_MS) : 0,
    });
  }
  return {
    memberStateIso3,
    asOf,
    currency,
    assessedDue: format(assessedDue),
    paid: format(paidDue),
    arrears: format(arrears),
    notYetDue: format(notYetDue),
    credit: format(credit),
    assessments: statuses,
  };
}
