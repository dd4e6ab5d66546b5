import { forbiddenAction, type Identity } from '@peacegraph/kit';

/**
 * Who may change incident records: the catalogue of write actions of this subgraph. This is
 * the place to add one. Reading is governed by agreements (data classes); writing is a
 * mission function, so it is decided by the caller's organisation and role.
 */
export type IncidentAction = 'reportIncident' | 'transitionVerification' | 'attachSource';

/** Mission roles that may perform each action (JOC: joint operations centre; JMAC: mission analysis cell). */
const ROLES: Record<IncidentAction, readonly string[]> = {
  reportIncident: ['joint-operations-centre', 'mission-analysis-cell'],
  transitionVerification: ['joint-operations-centre', 'mission-analysis-cell'],
  attachSource: ['joint-operations-centre', 'mission-analysis-cell'],
};

/** The organisation id a mission's own staff carry in their tokens (e.g. minusca for MINUSCA). */
export function missionOrganizationId(missionId: string): string {
  return missionId.toLowerCase();
}

/** Throws FORBIDDEN unless the caller is staff of this mission holding a role allowed for the action. */
export function assertMayWrite(identity: Identity, action: IncidentAction, missionId: string): void {
  const roles = ROLES[action];
  if (identity.organizationType !== 'mission' || identity.organizationId !== missionOrganizationId(missionId)) {
    throw forbiddenAction(`${action}: only ${missionId} staff may write its incident records.`);
  }
  if (!identity.roles.some((role) => roles.includes(role))) {
    throw forbiddenAction(`${action}: requires one of the roles ${roles.join(', ')}.`);
  }
}
