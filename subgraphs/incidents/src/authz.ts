import { defineWriteRules, type Identity } from '@peacegraph/kit';

/**
 * Who may change incident records: the catalogue of write actions of this subgraph, one rule
 * each (kit's defineWriteRules). This is the place to add one. Reading is governed by
 * agreements (data classes); writing is a mission function, decided by the caller's
 * organisation and role as the directory lists them (kit's asDirectoryKnows, before any write).
 */

/** Mission roles that write incident records (JOC: joint operations centre; JMAC: mission analysis cell). */
const INCIDENT_WRITER_ROLES: readonly string[] = ['joint-operations-centre', 'mission-analysis-cell'];

/** The organisation id a mission's own staff carry in their tokens (e.g. minusca for MINUSCA). */
function missionOrganizationId(missionId: string): string {
  return missionId.toLowerCase();
}

/** What an incident write is about: the mission whose records change. */
export interface MissionRecord {
  missionId: string;
}

const missionWriter = {
  who: (record: MissionRecord) => `${record.missionId} staff with one of the roles ${INCIDENT_WRITER_ROLES.join(', ')}`,
  allows: (caller: Identity, record: MissionRecord) =>
    caller.organizationType === 'mission' &&
    caller.organizationId === missionOrganizationId(record.missionId) &&
    caller.roles.some((role) => INCIDENT_WRITER_ROLES.includes(role)),
};

export const { assertMayWrite } = defineWriteRules<Identity, { reportIncident: MissionRecord; transitionVerification: MissionRecord; attachSource: MissionRecord }>({
  reportIncident: missionWriter,
  transitionVerification: missionWriter,
  attachSource: missionWriter,
});
