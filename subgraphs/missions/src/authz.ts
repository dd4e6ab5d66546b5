import { forbiddenAction, type Identity } from '@peacegraph/kit';

/**
 * Who may change mission and mandate records: the catalogue of write actions of this
 * subgraph. This is the place to add one. Reading is governed by agreements (data classes);
 * writing is a headquarters function, decided by the caller's organisation and role:
 *
 * - mission headquarters: `organizationType 'mission'`, role `mission-headquarters`, and
 *   the organisation is the mission itself (`minusca` for MINUSCA) — for its own mission;
 * - DPO headquarters: organisation `dpo` (the UN Secretariat's department) with role
 *   `dpo-mandate-officer` — for any mission, but not measurements: M&E data is read under
 *   the mission's UN_INTERNAL agreements, so the mission that can read it records it.
 *
 * Other UN agencies (e.g. OCHA) may read but never write mandates.
 */
export type MissionsAction = 'recordResolution' | 'closeMission' | 'recordMeasurement';

export const MISSION_HQ_ROLE = 'mission-headquarters';
export const DPO_ORGANIZATION_ID = 'dpo';
export const DPO_ROLE = 'dpo-mandate-officer';

const DPO_ACTIONS: ReadonlySet<MissionsAction> = new Set(['recordResolution', 'closeMission']);

/** The organisation id a mission's own staff carry in their tokens (e.g. minusca for MINUSCA). */
export function missionOrganizationId(missionId: string): string {
  return missionId.toLowerCase();
}

export function mayWrite(identity: Identity, action: MissionsAction, missionId: string): boolean {
  const missionHq =
    identity.organizationType === 'mission' &&
    identity.organizationId === missionOrganizationId(missionId) &&
    identity.roles.includes(MISSION_HQ_ROLE);
  const dpo =
    identity.organizationId === DPO_ORGANIZATION_ID &&
    identity.roles.includes(DPO_ROLE) &&
    DPO_ACTIONS.has(action);
  return missionHq || dpo;
}

/** Throws FORBIDDEN (naming the action, never data) unless the caller may perform it for this mission. */
export function assertMayWrite(identity: Identity, action: MissionsAction, missionId: string): void {
  if (!identity.organizationId) throw forbiddenAction(`${action}: sign in as mission headquarters or DPO.`);
  if (!mayWrite(identity, action, missionId)) {
    const who = DPO_ACTIONS.has(action) ? `${missionId} headquarters (role ${MISSION_HQ_ROLE}) or DPO (role ${DPO_ROLE})` : `${missionId} headquarters (role ${MISSION_HQ_ROLE})`;
    throw forbiddenAction(`${action}: only ${who} may do this.`);
  }
}
