import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Classified, DataClass, idempotent } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { assertMayWrite, humanitarianCaller } from '../authz';
import { forbiddenField, notFoundField } from '../errors';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { OperationalPresenceInput } from './operational-presence.inputs';
import { presenceRowById } from './operational-presence.loaders';
import { insertPresence, updateOwnPresence } from './operational-presence.writes';
import { OperationalPresence } from './operational-presence.type';
import { validatePresenceInput } from './operational-presence.validate';

@Resolver(() => OperationalPresence)
export class SaveOperationalPresenceMutation {
  /**
   * Ownership is checked here, in the subgraph, against the organisation the gateway
   * signed — a row id or organisation id in the input can never point the write elsewhere.
   */
  @Classified(DataClass.PUBLIC)
  @Mutation(() => OperationalPresence, {
    description: "Create or update one of your organisation's 3W rows. Retrying with the same clientKey returns the first result.",
  })
  async saveOperationalPresence(
    @Ctx() ctx: HumanitarianContext,
    @Arg('input', () => OperationalPresenceInput) input: OperationalPresenceInput,
  ): Promise<OperationalPresence> {
    const caller = await humanitarianCaller(ctx);
    assertMayWrite(caller, 'saveOperationalPresence', { organizationId: input.organizationId || ctx.identity.organizationId }, { field: 'organizationId' });
    const organization = caller.organization!; // the rule allowed: the caller's own, registered
    const values = await validatePresenceInput(ctx.db, input);
    if (input.id) {
      const current = await presenceRowById(ctx.db, input.id);
      if (!current) throw notFoundField('id', `no 3W row ${input.id}.`);
      assertMayWrite(caller, 'saveOperationalPresence', current, { field: 'id' });
    }
    const id = input.id ?? `3w-${organization.id}-${randomUUID()}`;
    const { result } = await idempotent(
      ctx.db,
      writeReceipts,
      { organizationId: organization.id, clientKey: input.clientKey, operation: 'saveOperationalPresence', input, field: 'input.clientKey' },
      async (tx) => {
        const row = { ...values, updatedBy: ctx.identity.subject, updatedAt: new Date() };
        if (input.id) {
          // The owner condition again in the statement: the check above and the write cannot drift apart.
          if (!(await updateOwnPresence(tx, id, organization.id, row))) throw forbiddenField('id', 'this 3W row belongs to another organisation.');
        } else {
          await insertPresence(tx, { ...row, id, organizationId: organization.id });
        }
        return { id };
      },
    );
    return (await presenceRowById(ctx.db, result.id)) as unknown as OperationalPresence;
  }
}
