import type { Identity } from '@peacegraph/kit';
import type { HumanitarianContext } from '../loaders';
import { forbiddenField } from '../write-receipt/idempotency';
import type { OrganizationRow } from './organization.table';

/**
 * The organisation a write is made for: always the caller's own, from the identity the
 * gateway signed — never from the input. A client-supplied `organizationId` must match it.
 */
export async function writingOrganization(ctx: HumanitarianContext, claimed: string | null | undefined): Promise<OrganizationRow> {
  const own = ctx.identity.organizationId;
  if (!own) throw forbiddenField('organizationId', 'writes need a signed-in organisation.');
  if (claimed && claimed !== own) throw forbiddenField('organizationId', 'you can only write for your own organisation.');
  const organization = await ctx.loaders.organizationById.load(own);
  if (!organization) throw forbiddenField('organizationId', `organisation ${own} is not registered in the humanitarian directory.`);
  return organization;
}

/** The mission's civil-military coordination officers: the only ones who decide escorts for that mission. */
export function isMissionCivMil(identity: Identity, mission: OrganizationRow | null, missionId: string): boolean {
  return (
    identity.organizationType === 'mission' &&
    identity.roles.includes('civil-military-coordination') &&
    !!mission &&
    mission.type === 'mission' &&
    mission.acronym === missionId
  );
}
