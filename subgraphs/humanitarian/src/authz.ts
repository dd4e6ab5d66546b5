import type { Identity } from '@peacegraph/kit';
import type { HumanitarianContext } from './loaders';
import type { OrganizationRow } from './organization/organization.table';
import { forbiddenField } from './errors';

/**
 * Who may change humanitarian records: the catalogue of write actions of this subgraph.
 * This is the place to add one. Reading is governed by agreements (data classes); writing
 * is decided here, from the identity the gateway signed — never from ids in the input.
 */
export type HumanitarianAction =
  | 'saveOperationalPresence'
  | 'saveEscortRequest'
  | 'decideEscortRequest'
  | 'completeEscortRequest'
  | 'cancelEscortRequest';

/** Who acts on an escort request: the organisation that asked, or the mission asked. */
export type EscortActor = 'requester' | 'mission';

export const ESCORT_ACTORS: Record<Extract<HumanitarianAction, `${string}EscortRequest`>, readonly EscortActor[]> = {
  saveEscortRequest: ['requester'],
  decideEscortRequest: ['mission'],
  completeEscortRequest: ['mission'],
  cancelEscortRequest: ['requester', 'mission'],
};

/** The role that decides escorts for a mission (civil-military coordination, CMCoord). */
export const ESCORT_DECIDER_ROLE = 'civil-military-coordination';

/**
 * The organisation a write is made for: always the caller's own. A client-supplied
 * `organizationId` must match it; the organisation must be in the directory.
 */
export async function writingOrganization(ctx: HumanitarianContext, claimed: string | null | undefined): Promise<OrganizationRow> {
  const own = ctx.identity.organizationId;
  if (!own) throw forbiddenField('organizationId', 'writes need a signed-in organisation.');
  if (claimed && claimed !== own) throw forbiddenField('organizationId', 'you can only write for your own organisation.');
  const organization = await ctx.loaders.organizationById.load(own);
  if (!organization) throw forbiddenField('organizationId', `organisation ${own} is not registered in the humanitarian directory.`);
  return organization;
}

/** Is the caller the mission's civil-military coordination (the only ones who decide its escorts)? */
export function isMissionCivMil(identity: Identity, organization: OrganizationRow | null, missionId: string): boolean {
  return (
    identity.organizationType === 'mission' &&
    identity.roles.includes(ESCORT_DECIDER_ROLE) &&
    !!organization &&
    organization.type === 'mission' &&
    organization.acronym === missionId
  );
}

/** The caller's part in an escort request, if any. */
export async function escortActorOf(
  ctx: HumanitarianContext,
  request: { missionId: string; requestingOrganizationId: string },
): Promise<EscortActor | null> {
  const own = ctx.identity.organizationId;
  if (!own) return null;
  const organization = await ctx.loaders.organizationById.load(own);
  if (isMissionCivMil(ctx.identity, organization, request.missionId)) return 'mission';
  if (request.requestingOrganizationId === own) return 'requester';
  return null;
}
