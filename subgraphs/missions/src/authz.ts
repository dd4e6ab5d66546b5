import { defineWriteRules, type Identity } from '@peacegraph/kit';

/**
 * Who may change mission and mandate records: the catalogue of write actions of this
 * subgraph, one rule each (kit's defineWriteRules). This is the place to add one. Reading is
 * governed by agreements (data classes); writing is a headquarters function, decided by the
 * caller's organisation and role as the directory lists them (kit's asDirectoryKnows):
 *
 * - mission headquarters: `organizationType 'mission'`, role `mission-headquarters`, and
 *   the organisation is the mission itself (`minusca` for MINUSCA) — for its own mission;
 * - DPO headquarters: organisation `dpo` (the UN Secretariat's department) with role
 *   `dpo-mandate-officer` — for any mission, but not measurements: M&E data is read under
 *   the mission's UN_INTERNAL agreements, so the mission that can read it records it.
 *
 * Other UN agencies (e.g. OCHA) may read but never write mandates. Agreements are decided by
 * their provider's data owner (agreement.mutation.ts), not by this table.
 */
const MISSION_HQ_ROLE = 'mission-headquarters';
const DPO_ORGANIZATION_ID = 'dpo';
const DPO_ROLE = 'dpo-mandate-officer';

/** What a mandate write is about: the mission whose records change. */
export interface MissionRecord {
  missionId: string;
}

function isMissionHq(caller: Identity, record: MissionRecord): boolean {
  return caller.organizationType === 'mission' && caller.organizationId === record.missionId.toLowerCase() && caller.roles.includes(MISSION_HQ_ROLE);
}

function isDpo(caller: Identity): boolean {
  return caller.organizationId === DPO_ORGANIZATION_ID && caller.roles.includes(DPO_ROLE);
}

const headquartersOrDpo = {
  who: (record: MissionRecord) => `${record.missionId} headquarters (role ${MISSION_HQ_ROLE}) or DPO (role ${DPO_ROLE})`,
  allows: (caller: Identity, record: MissionRecord) => isMissionHq(caller, record) || isDpo(caller),
};

export const { assertMayWrite } = defineWriteRules<Identity, { recordResolution: MissionRecord; closeMission: MissionRecord; recordMeasurement: MissionRecord }>({
  recordResolution: headquartersOrDpo,
  closeMission: headquartersOrDpo,
  recordMeasurement: { who: `the mission's own headquarters (role ${MISSION_HQ_ROLE})`, allows: isMissionHq },
});
