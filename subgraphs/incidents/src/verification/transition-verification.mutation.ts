import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, Classified, DataClass, notFound } from '@peacegraph/kit';
import { assertMayWrite } from '../authz';
import { toIncident } from '../incident/incident.loaders';
import { Incident } from '../incident/incident.type';
import type { IncidentsContext } from '../loaders';
import { TransitionVerificationInput } from './verification.inputs';
import { ALLOWED_TRANSITIONS, isAllowedTransition } from './verification.workflow';
import { advanceVerification, insertVerificationStep } from './verification.writes';

@Resolver()
export class TransitionVerificationMutation {
  /**
   * One step of the workflow, guarded by an optimistic version check in the UPDATE itself:
   * of two concurrent transitions from the same version exactly one matches the row; the
   * other gets CONFLICT and writes nothing.
   */
  @Classified(DataClass.PARTNER)
  @Mutation(() => Incident, { description: 'Move an incident through verification (mission JOC / analysis cell only).' })
  async transitionVerification(
    @Ctx() ctx: IncidentsContext,
    @Arg('input', () => TransitionVerificationInput) input: TransitionVerificationInput,
  ): Promise<Incident> {
    const current = await ctx.loaders.incidentById.load(input.incidentId);
    if (!current) throw notFound(`Incident ${input.incidentId} does not exist or is outside your scope.`);
    assertMayWrite(ctx.identity, 'transitionVerification', { missionId: current.missionId });
    const reason = input.reason.trim();
    if (reason.length < 3) throw badInput('input.reason', 'say why (at least 3 characters).');
    if (reason.length > 2000) throw badInput('input.reason', 'must be at most 2000 characters.');
    if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) throw badInput('input.expectedVersion', 'must be a version you read (1 or more).');
    if (input.expectedVersion !== current.version) throw conflict(input.incidentId, input.expectedVersion, current.version);
    if (!isAllowedTransition(current.verificationStatus, input.to)) {
      const allowed = ALLOWED_TRANSITIONS[current.verificationStatus];
      throw badInput('input.to', `${current.verificationStatus} can move only to ${allowed.join(' or ')}, not ${input.to}.`);
    }
    const updated = await ctx.db.transaction(async (tx) => {
      const row = await advanceVerification(tx, input.incidentId, { version: input.expectedVersion, status: current.verificationStatus }, input.to);
      if (!row) return null;
      await insertVerificationStep(tx, {
        incidentId: row.id,
        version: row.version,
        fromStatus: current.verificationStatus,
        toStatus: input.to,
        bySubject: ctx.identity.subject,
        byOrganizationId: ctx.identity.organizationId,
        reason,
      });
      return row;
    });
    if (!updated) throw conflict(input.incidentId, input.expectedVersion, null);
    return toIncident(updated);
  }
}

function conflict(id: string, expected: number, actual: number | null): GraphQLError {
  const now = actual === null ? 'it was changed concurrently' : `it is now at version ${actual}`;
  return new GraphQLError(`Incident ${id} changed since version ${expected} (${now}): reload it and retry.`, {
    extensions: { code: 'CONFLICT', field: 'input.expectedVersion' },
  });
}
