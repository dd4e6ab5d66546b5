import { defineWriteRules, type Identity } from '@peacegraph/kit';
import type { HumanitarianContext } from './loaders';
import type { OrganizationRow } from './organization/organization.table';

/**
 * Who may change humanitarian records: the catalogue of write actions of this subgraph, one
 * rule each (kit's defineWriteRules). This is the place to add one. Reading is governed by
 * agreements (data classes); writing is decided here, from the identity the gateway signed
 * (type and roles as the directory lists them, kit's asDirectoryKnows) — never from ids in the input.
 */

/** The caller as a write sees it: its signed identity and its organisation in the humanitarian directory. */
export interface HumanitarianCaller {
  identity: Identity;
  organization: OrganizationRow | null;
}

export async function humanitarianCaller(ctx: HumanitarianContext): Promise<HumanitarianCaller> {
  const own = ctx.identity.organizationId;
  return { identity: ctx.identity, organization: own ? await ctx.loaders.organizationById.load(own) : null };
}

/** A row owned by an organisation: for a new row, the organisation it is written for. */
export interface OwnedRecord {
  organizationId: string | null;
}

/** What an escort decision is about: the mission asked and the organisation that asked. */
export interface EscortRecord {
  missionId: string;
  requestingOrganizationId: string;
}

/** The role that decides escorts for a mission (civil-military coordination, CMCoord). */
const ESCORT_DECIDER_ROLE = 'civil-military-coordination';

/** The caller's own organisation, registered in the directory, writing its own rows (never another's). */
const ownOrganization = {
  who: 'an organisation registered in the humanitarian directory (for its own records)',
  allows: (caller: HumanitarianCaller, record: OwnedRecord) => !!caller.organization && record.organizationId === caller.organization.id,
};

/** The mission's civil-military coordination: the only ones who decide its escorts. */
function isMissionCivMil(caller: HumanitarianCaller, request: EscortRecord): boolean {
  return (
    caller.identity.organizationType === 'mission' &&
    caller.identity.roles.includes(ESCORT_DECIDER_ROLE) &&
    caller.organization?.type === 'mission' &&
    caller.organization.acronym === request.missionId
  );
}

const missionCivMil = {
  who: (request: EscortRecord) => `${request.missionId}'s civil-military coordination (role ${ESCORT_DECIDER_ROLE})`,
  allows: isMissionCivMil,
};

export const { assertMayWrite } = defineWriteRules<
  HumanitarianCaller,
  {
    saveOperationalPresence: OwnedRecord;
    saveEscortRequest: OwnedRecord;
    decideEscortRequest: EscortRecord;
    completeEscortRequest: EscortRecord;
    cancelEscortRequest: EscortRecord;
  }
>({
  saveOperationalPresence: ownOrganization,
  saveEscortRequest: ownOrganization,
  decideEscortRequest: missionCivMil,
  completeEscortRequest: missionCivMil,
  cancelEscortRequest: {
    who: (request) => `the requesting organisation or ${request.missionId}'s civil-military coordination`,
    allows: (caller, request) => request.requestingOrganizationId === caller.identity.organizationId || isMissionCivMil(caller, request),
  },
});
