import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent, type Db } from '@peacegraph/kit';
import { lockAssessment } from '../assessment/assessment.writes';
import { assertMayWrite } from '../authz';
import { lockVisibleFlow, markFlowPaid } from '../funding-flow/funding-flow.writes';
import type { FinanceContext } from '../loaders';
import { formatThousandths, toThousandths } from '../money/decimal';
import { readCurrency, readDate, readPositiveAmount } from '../money/validate';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { RecordPaymentInput } from './payment.inputs';
import { paidTotal, paymentOf } from './payment.loaders';
import { insertPayment } from './payment.writes';
import { PaymentReceipt } from './payment.type';

interface Target {
  currency: string;
  /** What the payer owes in total (assessment or commitment), in thousandths of its currency. */
  owed: bigint;
  /** Already paid, in thousandths. */
  paid: bigint;
  /** Called after the payment is stored, with the new paid total. */
  afterPayment?: (tx: Db, paidTotal: bigint) => Promise<void>;
}

async function paidSoFar(tx: Db, against: 'assessment' | 'flow', id: string): Promise<bigint> {
  const total = await paidTotal(tx, against, id);
  return total ? toThousandths(total) : 0n;
}

async function assessmentTarget(tx: Db, ctx: FinanceContext, assessmentId: string): Promise<Target> {
  const assessment = await lockAssessment(tx, assessmentId);
  if (!assessment) throw badInput('input.assessmentId', 'no assessment with this id.');
  assertMayWrite(ctx.access, 'recordAssessmentPayment', assessment);
  return { currency: assessment.currency, owed: toThousandths(assessment.assessedAmount), paid: await paidSoFar(tx, 'assessment', assessmentId) };
}

async function flowTarget(tx: Db, ctx: FinanceContext, flowId: string): Promise<Target> {
  const flow = await lockVisibleFlow(tx, ctx.access, flowId);
  if (!flow) throw badInput('input.fundingFlowId', 'no funding flow with this id that you may see.');
  assertMayWrite(ctx.access, 'recordFlowPayment', flow);
  if (flow.status === 'pledge') throw badInput('input.fundingFlowId', 'is a pledge: convert it to a commitment before paying it.');
  const owed = toThousandths(flow.originalAmount ?? flow.amountUsd);
  const recorded = await paidSoFar(tx, 'flow', flowId);
  // A flow imported as paid (FTS) has no payment rows: it is paid in full already.
  const paid = flow.status === 'paid' && recorded === 0n ? owed : recorded;
  return {
    currency: flow.originalCurrency ?? 'USD',
    owed,
    paid,
    afterPayment: async (t, paidTotal) => {
      if (paidTotal >= owed) await markFlowPaid(t, flowId);
    },
  };
}

@Resolver(() => PaymentReceipt)
export class RecordPaymentMutation {
  @Classified(DataClass.PUBLIC)
  @Mutation(() => PaymentReceipt, {
    description:
      'Record a payment against an assessment (its member state or a UN finance officer) or a committed flow (its donor or a UN finance officer). A payment above what is due is refused unless acceptExcess, and then flagged. Idempotent by clientKey.',
  })
  async recordPayment(@Ctx() ctx: FinanceContext, @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput): Promise<PaymentReceipt> {
    if (!!input.assessmentId === !!input.fundingFlowId) throw badInput('input.assessmentId', 'give exactly one of assessmentId or fundingFlowId.');
    const currency = readCurrency('input.currency', input.currency);
    const amount = readPositiveAmount('input.amount', input.amount, currency);
    const paidOn = readDate('input.paidOn', input.paidOn);
    const key = { organizationId: ctx.identity.organizationId, clientKey: input.clientKey, operation: 'recordPayment', input };
    const { result } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
      const target = input.assessmentId ? await assessmentTarget(tx, ctx, input.assessmentId) : await flowTarget(tx, ctx, input.fundingFlowId!);
      if (currency !== target.currency) throw badInput('input.currency', `must be ${target.currency}, the currency of what is paid.`);
      const due = target.owed > target.paid ? target.owed - target.paid : 0n;
      const paying = toThousandths(amount);
      const format = (units: bigint) => formatThousandths(units, currency);
      const excess = paying > due ? paying - due : 0n;
      if (excess > 0n && !input.acceptExcess) {
        throw badInput(
          'input.amount',
          `exceeds what is due (${format(due)} ${currency}) by ${format(excess)} ${currency}; pass acceptExcess: true to record it as a flagged overpayment.`,
        );
      }
      const row = await insertPayment(tx, {
        id: `PAY-${randomUUID()}`,
        assessmentId: input.assessmentId ?? null,
        fundingFlowId: input.fundingFlowId ?? null,
        amount,
        currency,
        paidOn,
        excessAmount: excess > 0n ? format(excess) : null,
        flagged: excess > 0n,
        origin: 'recorded',
        recordedBy: ctx.identity.subject,
      });
      await target.afterPayment?.(tx, target.paid + paying);
      const payment = paymentOf(row);
      return { payment, dueBefore: format(due), outstandingAfter: format(due > paying ? due - paying : 0n) };
    });
    return result;
  }
}
