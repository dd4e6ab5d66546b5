import type { Db } from '../db';
import { agreementHistory, auditEvents, type AgreementRow } from './tables';

/**
 * The terms an agreement states, with its dates as `D`: `Date` once validated (missions'
 * agreement.terms.ts), ISO text in the history.
 */
export interface StatedTerms<D> {
  provider: string;
  recipientOrganizationId: string | null;
  recipientOrganizationType: string | null;
  recipientRole: string | null;
  dataClasses: string[];
  missionIds: string[] | null;
  adminAreaPcodes: string[] | null;
  purpose: string;
  validFrom: D;
  validUntil: D | null;
}

/** What an agreement says, as its history records it before and after each change. */
export interface AgreementSnapshot extends StatedTerms<string> {
  status: string;
}

export function snapshotOf(row: Omit<AgreementRow, 'id' | 'version' | 'updatedAt' | 'requestedBySubject'>): AgreementSnapshot {
  return {
    provider: row.provider,
    recipientOrganizationId: row.recipientOrganizationId,
    recipientOrganizationType: row.recipientOrganizationType,
    recipientRole: row.recipientRole,
    dataClasses: [...row.dataClasses].sort(),
    missionIds: row.missionIds ? [...row.missionIds].sort() : null,
    adminAreaPcodes: row.adminAreaPcodes ? [...row.adminAreaPcodes].sort() : null,
    purpose: row.purpose,
    validFrom: new Date(row.validFrom).toISOString(),
    validUntil: row.validUntil ? new Date(row.validUntil).toISOString() : null,
    status: row.status,
  };
}

export type AgreementAction = 'seeded' | 'requested' | 'approved' | 'rejected' | 'amended' | 'revoked';

export interface AgreementChange {
  agreementId: string;
  version: number;
  action: AgreementAction;
  actor: { subject: string; organizationId: string | null };
  reason: string | null;
  before: AgreementSnapshot | null;
  after: AgreementSnapshot;
  /** The subgraph that made the change (the audit event names it). */
  subgraph: string;
}

/**
 * One change's history entry and its audit event, in the caller's transaction: every agreement
 * change is in the append-only history and in the audit log oversight reads (`auditEvents`
 * with entityType `Agreement`, field = the action, decision = the status after).
 */
export async function recordAgreementChange(tx: Db, change: AgreementChange): Promise<void> {
  await tx.insert(agreementHistory).values({
    agreementId: change.agreementId,
    version: change.version,
    action: change.action,
    actorSubject: change.actor.subject,
    actorOrganizationId: change.actor.organizationId,
    reason: change.reason,
    before: change.before,
    after: change.after,
  });
  await tx.insert(auditEvents).values({
    subject: change.actor.subject,
    organizationId: change.actor.organizationId,
    dataClass: 'AGREEMENT',
    entityType: 'Agreement',
    entityIds: [change.agreementId],
    field: change.action,
    decision: change.after.status,
    operationName: null,
    subgraph: change.subgraph,
  });
}
