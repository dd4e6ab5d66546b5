import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  badInput,
  Classified,
  conflict,
  DATA_OWNER_ROLE,
  DataClass,
  directoryCaller,
  idempotent,
  recordAgreementChange,
  snapshotOf,
  type AgreementAction,
  type AgreementRow,
  type Db,
} from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import { requiredText } from '../validate';
import { writeReceipts } from '../write-receipt/write-receipt.table';
import { AgreementChangeInput, RequestAgreementInput, type AgreementNarrowing } from './agreement.inputs';
import { agreementOut } from './agreement.loaders';
import { checkTerms, forbiddenField, wideningOf, type Terms } from './agreement.terms';
import { Agreement } from './agreement.type';
import { insertAgreement, lockAgreement, updateAgreement } from './agreement.writes';

function termsOf(row: AgreementRow): Terms {
  return {
    provider: row.provider,
    recipientOrganizationId: row.recipientOrganizationId,
    recipientOrganizationType: row.recipientOrganizationType,
    recipientRole: row.recipientRole,
    dataClasses: row.dataClasses,
    missionIds: row.missionIds,
    adminAreaPcodes: row.adminAreaPcodes,
    purpose: row.purpose,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}

/** The current terms with a narrowing applied (each term left out stays). */
function narrowed(current: Terms, narrowing: AgreementNarrowing | null | undefined): Terms {
  if (!narrowing) return current;
  return {
    ...current,
    dataClasses: narrowing.dataClasses ?? current.dataClasses,
    missionIds: narrowing.missionIds ?? current.missionIds,
    adminAreaPcodes: narrowing.adminAreaPcodes ?? current.adminAreaPcodes,
    validFrom: narrowing.validFrom ?? current.validFrom,
    validUntil: narrowing.validUntil ?? current.validUntil,
  };
}

interface Move {
  operation: 'approveAgreement' | 'rejectAgreement' | 'amendAgreement' | 'revokeAgreement';
  action: AgreementAction;
  /** The stored statuses it may start from, and the one it ends in. */
  from: readonly string[];
  to: string;
  reasonRequired: boolean;
  /** May change the terms: narrowing only. */
  narrows: boolean;
}

const MOVES: Record<Move['operation'], Move> = {
  approveAgreement: { operation: 'approveAgreement', action: 'approved', from: ['REQUESTED'], to: 'ACTIVE', reasonRequired: false, narrows: true },
  rejectAgreement: { operation: 'rejectAgreement', action: 'rejected', from: ['REQUESTED'], to: 'REJECTED', reasonRequired: true, narrows: false },
  amendAgreement: { operation: 'amendAgreement', action: 'amended', from: ['ACTIVE'], to: 'ACTIVE', reasonRequired: true, narrows: true },
  revokeAgreement: { operation: 'revokeAgreement', action: 'revoked', from: ['ACTIVE'], to: 'REVOKED', reasonRequired: true, narrows: false },
};

/**
 * The provider's side of the lifecycle: only a holder of the provider organisation's data-owner
 * role (as the directory lists it), never on their own request; the allowed previous status and
 * the version the caller saw are re-checked under a row lock, so of two concurrent changes one
 * wins and the other is a CONFLICT. Row, history and audit event in one transaction, idempotent
 * by client key; any refusal changes nothing.
 */
async function providerChange(ctx: MissionsContext, move: Move, input: AgreementChangeInput): Promise<Agreement> {
  const caller = await directoryCaller(ctx.db, ctx.identity);
  if (!caller) throw forbiddenField('input.id', 'sign in as an organisation listed in the directory.');
  const reason = input.reason?.trim() ? requiredText('input.reason', input.reason, 1000) : null;
  if (move.reasonRequired && !reason) throw badInput('input.reason', `is required to ${move.operation.replace('Agreement', '')} an agreement.`);
  if (input.narrowing && !move.narrows) throw badInput('input.narrowing', `${move.operation} takes no narrowing.`);
  const key = { organizationId: caller.organization.id, clientKey: input.clientKey, operation: move.operation, input };
  await idempotent(ctx.db, writeReceipts, key, async (tx) => {
    const current = await lockAgreement(tx, input.id);
    // Not a party: the same answer as "no such agreement", so ids of others' agreements are not confirmed.
    if (!current || (current.provider !== caller.organization.id && current.recipientOrganizationId !== caller.organization.id)) {
      throw badInput('input.id', `no agreement '${input.id}' that your organisation is party to.`);
    }
    if (current.provider !== caller.organization.id || !caller.roles.includes(DATA_OWNER_ROLE)) {
      throw forbiddenField('input.id', `only ${current.provider}'s data owner (role ${DATA_OWNER_ROLE}) may do this.`);
    }
    if (current.requestedBySubject && current.requestedBySubject === ctx.identity.subject) {
      throw forbiddenField('input.id', 'you requested this agreement; another data owner must decide it.');
    }
    if (!move.from.includes(current.status)) {
      throw conflict('input.id', `is ${current.status}; ${move.operation} needs ${move.from.join(' or ')}.`);
    }
    if (input.expectedVersion !== null && input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
      throw conflict('input.expectedVersion', `the agreement is at version ${current.version} (changed since you read it).`);
    }
    const before = termsOf(current);
    let after = before;
    if (move.narrows && input.narrowing) {
      after = await checkTerms(tx, narrowed(before, input.narrowing), 'input.narrowing');
      const widening = wideningOf(before, after);
      if (widening) {
        throw forbiddenField('input.narrowing', `${widening}: ${move.operation} may only narrow; widening needs the recipient's new request (requestAgreement).`);
      }
    }
    return write(tx, ctx, current, { ...after, status: move.to }, move.action, reason);
  });
  return agreementOut(ctx, input.id);
}

/** The change and its history; what it returns is the receipt's result (a retry gets it back). */
async function write(tx: Db, ctx: MissionsContext, current: AgreementRow, next: Terms & { status: string }, action: AgreementAction, reason: string | null): Promise<{ agreementId: string; version: number }> {
  const version = current.version + 1;
  if (!(await updateAgreement(tx, current.id, { ...next, version }))) throw conflict('input.id', 'was changed concurrently; read it again.');
  await recordAgreementChange(tx, {
    agreementId: current.id,
    version,
    action,
    actor: { subject: ctx.identity.subject, organizationId: ctx.identity.organizationId },
    reason,
    before: snapshotOf(current),
    after: snapshotOf({ ...next }),
    subgraph: 'missions',
  });
  return { agreementId: current.id, version };
}

@Resolver(() => Agreement)
export class AgreementMutations {
  @Classified(DataClass.PUBLIC)
  @Mutation(() => Agreement, { description: 'Ask a provider for classes of its data in a scope, for a purpose and period; your organisation is the recipient. REQUESTED until its data owner decides.' })
  async requestAgreement(@Ctx() ctx: MissionsContext, @Arg('input', () => RequestAgreementInput) input: RequestAgreementInput): Promise<Agreement> {
    const caller = await directoryCaller(ctx.db, ctx.identity);
    if (!caller) throw forbiddenField('input', 'sign in as an organisation listed in the directory to request an agreement.');
    const terms = await checkTerms(ctx.db, {
      provider: input.provider.trim(),
      recipientOrganizationId: caller.organization.id,
      recipientOrganizationType: null,
      recipientRole: input.recipientRole?.trim() || null,
      dataClasses: input.dataClasses,
      missionIds: input.missionIds ?? null,
      adminAreaPcodes: input.adminAreaPcodes ?? null,
      purpose: input.purpose,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
    });
    const id = `req-${randomUUID()}`;
    const key = { organizationId: caller.organization.id, clientKey: input.clientKey, operation: 'requestAgreement', input };
    const { result } = await idempotent(ctx.db, writeReceipts, key, async (tx) => {
      const row = { ...terms, status: 'REQUESTED', requestedBySubject: ctx.identity.subject };
      await insertAgreement(tx, { id, ...row });
      await recordAgreementChange(tx, {
        agreementId: id,
        version: 1,
        action: 'requested',
        actor: { subject: ctx.identity.subject, organizationId: caller.organization.id },
        reason: null,
        before: null,
        after: snapshotOf(row),
        subgraph: 'missions',
      });
      return { agreementId: id, version: 1 };
    });
    return agreementOut(ctx, result.agreementId);
  }

  @Classified(DataClass.PUBLIC)
  @Mutation(() => Agreement, { description: "The provider's data owner approves a REQUESTED agreement, optionally narrowing classes, scope or period (never widening)." })
  approveAgreement(@Ctx() ctx: MissionsContext, @Arg('input', () => AgreementChangeInput) input: AgreementChangeInput): Promise<Agreement> {
    return providerChange(ctx, MOVES.approveAgreement, input);
  }

  @Classified(DataClass.PUBLIC)
  @Mutation(() => Agreement, { description: "The provider's data owner rejects a REQUESTED agreement, with a reason." })
  rejectAgreement(@Ctx() ctx: MissionsContext, @Arg('input', () => AgreementChangeInput) input: AgreementChangeInput): Promise<Agreement> {
    return providerChange(ctx, MOVES.rejectAgreement, input);
  }

  @Classified(DataClass.PUBLIC)
  @Mutation(() => Agreement, { description: "The provider's data owner narrows an ACTIVE agreement at once (a new version; the old stays readable in its history). Widening needs the recipient's request." })
  amendAgreement(@Ctx() ctx: MissionsContext, @Arg('input', () => AgreementChangeInput) input: AgreementChangeInput): Promise<Agreement> {
    return providerChange(ctx, MOVES.amendAgreement, input);
  }

  @Classified(DataClass.PUBLIC)
  @Mutation(() => Agreement, { description: "The provider's data owner revokes an ACTIVE agreement, effective on the next request, with a reason." })
  revokeAgreement(@Ctx() ctx: MissionsContext, @Arg('input', () => AgreementChangeInput) input: AgreementChangeInput): Promise<Agreement> {
    return providerChange(ctx, MOVES.revokeAgreement, input);
  }
}
