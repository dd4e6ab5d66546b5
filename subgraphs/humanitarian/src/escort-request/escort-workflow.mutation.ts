import { Arg, Ctx, ID, Mutation, Resolver, registerEnumType } from 'type-graphql';
import { Classified, conflict, DataClass, forbiddenAction, idempotent } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { assertMayWrite, humanitarianCaller } from '../authz';
import { checkText } from '../operational-presence/operational-presence.validate';
import { notFoundField } from '../errors';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { escortRequestRowById } from './escort-request.loaders';
import { insertEscortEvent, moveEscortStatus } from './escort-request.writes';
import { EscortRequest, EscortStatus } from './escort-request.type';

export enum EscortDecision {
  APPROVE = 'APPROVE',
  DECLINE = 'DECLINE',
}
registerEnumType(EscortDecision, { name: 'EscortDecision' });

interface Transition {
  id: string;
  clientKey: string;
  operation: 'decideEscortRequest' | 'completeEscortRequest' | 'cancelEscortRequest';
  from: EscortStatus[];
  to: EscortStatus;
  reason: string | null;
}

/**
 * One status change: the caller's right to make it (the requester, or the mission's
 * civil-military coordination officers), the allowed previous status, the change and its
 * history event in one transaction, idempotent by client key.
 */
async function transition(ctx: HumanitarianContext, move: Transition): Promise<EscortRequest> {
  const organizationId = ctx.identity.organizationId;
  // Before the lookup, so a caller without an organisation learns nothing about which ids exist.
  if (!organizationId) throw forbiddenAction('Escort requests are handled by signed-in organisations only.');
  const current = await escortRequestRowById(ctx.db, move.id);
  if (!current) throw notFoundField('id', `no escort request ${move.id}.`);
  assertMayWrite(await humanitarianCaller(ctx), move.operation, current, { field: 'id' });
  const key = { organizationId, clientKey: move.clientKey, operation: move.operation, input: move, field: 'clientKey' };
  const { result } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
    // Re-checked in the statement: a concurrent decision makes this one a conflict, not an overwrite.
    for (const from of move.from) {
      if (await moveEscortStatus(tx, move.id, from, move.to, move.reason)) {
        await insertEscortEvent(tx, {
          escortRequestId: move.id,
          fromStatus: from,
          toStatus: move.to,
          reason: move.reason,
          actorSubject: ctx.identity.subject,
          actorOrganizationId: organizationId,
        });
        return { id: move.id };
      }
    }
    throw conflict('id', `is ${current.status}; it can become ${move.to} only from ${move.from.join(' or ')}.`);
  });
  return (await escortRequestRowById(ctx.db, result.id)) as unknown as EscortRequest;
}

@Resolver(() => EscortRequest)
export class EscortWorkflowMutation {
  @Classified(DataClass.PUBLIC)
  @Mutation(() => EscortRequest, { description: "The mission's decision on a REQUESTED escort: civil-military coordination of that mission only." })
  async decideEscortRequest(
    @Ctx() ctx: HumanitarianContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => EscortDecision) decision: EscortDecision,
    @Arg('clientKey', () => String) clientKey: string,
    @Arg('reason', () => String, { nullable: true, description: 'Required to decline.' }) reason?: string | null,
  ): Promise<EscortRequest> {
    const why = checkText('reason', reason, decision === EscortDecision.DECLINE);
    const to = decision === EscortDecision.APPROVE ? EscortStatus.APPROVED : EscortStatus.DECLINED;
    return transition(ctx, { id, clientKey, operation: 'decideEscortRequest', from: [EscortStatus.REQUESTED], to, reason: why });
  }

  @Classified(DataClass.PUBLIC)
  @Mutation(() => EscortRequest, { description: 'The mission marks an APPROVED escort as done.' })
  async completeEscortRequest(
    @Ctx() ctx: HumanitarianContext,
    @Arg('id', () => ID) id: string,
    @Arg('clientKey', () => String) clientKey: string,
  ): Promise<EscortRequest> {
    return transition(ctx, { id, clientKey, operation: 'completeEscortRequest', from: [EscortStatus.APPROVED], to: EscortStatus.COMPLETED, reason: null });
  }

  @Classified(DataClass.PUBLIC)
  @Mutation(() => EscortRequest, { description: 'The requester (or the mission) cancels a REQUESTED or APPROVED escort.' })
  async cancelEscortRequest(
    @Ctx() ctx: HumanitarianContext,
    @Arg('id', () => ID) id: string,
    @Arg('clientKey', () => String) clientKey: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<EscortRequest> {
    return transition(ctx, {
      id,
      clientKey,
      operation: 'cancelEscortRequest',
      from: [EscortStatus.REQUESTED, EscortStatus.APPROVED],
      to: EscortStatus.CANCELLED,
      reason: checkText('reason', reason),
    });
  }
}
