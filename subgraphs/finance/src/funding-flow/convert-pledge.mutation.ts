import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, idempotent } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import type { FinanceContext } from '../loaders';
import { readDate, readPositiveAmount, toUsd } from '../money/validate';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { toFundingFlow } from './funding-flow.mapping';
import { ConvertPledgeInput } from './funding-flow.mutation-inputs';
import type { NewFundingFlowRow } from './funding-flow.table';
import { lockVisibleFlow, updateFlow } from './funding-flow.writes';
import { FundingFlow } from './funding-flow.type';

@Resolver(() => FundingFlow)
export class ConvertPledgeMutation {
  @Classified(DataClass.PUBLIC)
  @Mutation(() => FundingFlow, { description: 'Convert a pledge into a commitment (the donor itself or a UN finance officer). Idempotent by clientKey.' })
  async convertPledgeToCommitment(@Ctx() ctx: FinanceContext, @Arg('input', () => ConvertPledgeInput) input: ConvertPledgeInput): Promise<FundingFlow> {
    const decisionDate = input.decisionDate ? readDate('input.decisionDate', input.decisionDate) : new Date().toISOString().slice(0, 10);
    const key = { organizationId: ctx.identity.organizationId, clientKey: input.clientKey, operation: 'convertPledgeToCommitment', input };
    const { result } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
      // Row lock: two different conversions of one pledge cannot both pass the status check.
      const flow = await lockVisibleFlow(tx, ctx.access, input.flowId);
      if (!flow) throw badInput('input.flowId', 'no funding flow with this id that you may see.');
      assertMayWrite(ctx.access, 'convertPledgeToCommitment', flow);
      if (flow.status !== 'pledge') throw badInput('input.flowId', `is a ${flow.status}, not a pledge.`);
      const changes: Partial<NewFundingFlowRow> = { status: 'commitment', decisionDate };
      // The commitment is in the pledge's currency, so its decimals are that currency's.
      const amount = input.amount ? readPositiveAmount('input.amount', input.amount, flow.originalCurrency ?? 'USD') : null;
      if (amount) {
        changes.originalAmount = amount;
        changes.amountUsd = flow.exchangeRate ? toUsd(amount, flow.exchangeRate) : amount;
      }
      if (input.publish && flow.confidentialReason === 'UNPUBLISHED_PLEDGE') {
        changes.confidential = false;
        changes.confidentialReason = null;
      }
      return toFundingFlow(await updateFlow(tx, flow.id, changes));
    });
    return result;
  }
}
