import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Classified, conflict, DataClass, idempotent } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { assertMayWrite, humanitarianCaller } from '../authz';
import { notFoundField } from '../errors';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { EscortRequestInput } from './escort-request.inputs';
import { escortRequestRowById } from './escort-request.loaders';
import { insertEscortEvent, insertEscortRequest, updateRequestedEscort } from './escort-request.writes';
import { EscortRequest, EscortStatus } from './escort-request.type';
import { validateEscortInput } from './escort-request.validate';

@Resolver(() => EscortRequest)
export class SaveEscortRequestMutation {
  /** The requester is always the caller's own organisation (signed identity), never the input. */
  @Classified(DataClass.PUBLIC)
  @Mutation(() => EscortRequest, {
    description: "Request an escort, or change your organisation's request while it is still REQUESTED. Idempotent by clientKey.",
  })
  async saveEscortRequest(
    @Ctx() ctx: HumanitarianContext,
    @Arg('input', () => EscortRequestInput) input: EscortRequestInput,
  ): Promise<EscortRequest> {
    const caller = await humanitarianCaller(ctx);
    assertMayWrite(caller, 'saveEscortRequest', { organizationId: input.organizationId || ctx.identity.organizationId }, { field: 'organizationId' });
    const organization = caller.organization!; // the rule allowed: the caller's own, registered
    const values = await validateEscortInput(ctx.db, input);
    if (input.id) {
      const current = await escortRequestRowById(ctx.db, input.id);
      if (!current) throw notFoundField('id', `no escort request ${input.id}.`);
      assertMayWrite(caller, 'saveEscortRequest', { organizationId: current.requestingOrganizationId }, { field: 'id' });
      if (current.status !== EscortStatus.REQUESTED) throw conflict('id', `is ${current.status}; only a REQUESTED request can be changed.`);
      if (current.missionId !== values.missionId) throw badMissionChange();
    }
    const id = input.id ?? `escort-${randomUUID()}`;
    const { result } = await idempotent(
      ctx.db,
      writeReceipts,
      { organizationId: organization.id, clientKey: input.clientKey, operation: 'saveEscortRequest', input, field: 'input.clientKey' },
      async (tx) => {
        if (input.id) {
          if (!(await updateRequestedEscort(tx, id, organization.id, values))) throw conflict('id', 'changed meanwhile; read it again.');
        } else {
          await insertEscortRequest(tx, {
            ...values,
            id,
            requestingOrganizationId: organization.id,
            status: EscortStatus.REQUESTED,
            createdBy: ctx.identity.subject,
          });
          await insertEscortEvent(tx, {
            escortRequestId: id,
            fromStatus: null,
            toStatus: EscortStatus.REQUESTED,
            actorSubject: ctx.identity.subject,
            actorOrganizationId: organization.id,
          });
        }
        return { id };
      },
    );
    return (await escortRequestRowById(ctx.db, result.id)) as unknown as EscortRequest;
  }
}

function badMissionChange() {
  return conflict('missionId', 'a request cannot move to another mission; cancel it and request again.');
}
