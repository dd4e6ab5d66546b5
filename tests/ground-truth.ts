// A test-only organisation holding every class everywhere: what it reads is the ground truth
// that policy tests compare an audience's answers (and what they can derive) against.
import { SignJWT } from 'jose';
import { agreements, ALL_DATA_CLASSES, organizationRoles, organizations } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { TEST_JWT_SECRET, type TestStack } from './harness';

export const GROUND_TRUTH_ORG = 'conformance-oracle';
const GROUND_TRUTH_ROLE = 'conduct-and-discipline';

/**
 * Adds the organisation to the directory and to one agreement per provider, and returns a token
 * for it. An agreement opens only its provider's data, so every provider in the directory grants
 * it everything it owns; a UN agency's conduct-and-discipline role clears it past the hard floors.
 */
export async function groundTruthToken(t: TestStack): Promise<string> {
  const db = t.database.db;
  await db.insert(organizations).values({ id: GROUND_TRUTH_ORG, name: 'Conformance oracle (test only)', type: 'un-agency' });
  await db.insert(organizationRoles).values({ organizationId: GROUND_TRUTH_ORG, role: GROUND_TRUTH_ROLE });
  const providers = await db.select({ id: organizations.id }).from(organizations);
  await db.insert(agreements).values(
    providers.map((p) => ({
      id: `conformance-oracle-${p.id}`,
      provider: p.id,
      recipientOrganizationId: GROUND_TRUTH_ORG,
      recipientRole: GROUND_TRUTH_ROLE,
      dataClasses: [...ALL_DATA_CLASSES],
      validFrom: new Date('2000-01-01'),
      purpose: 'Ground truth for policy tests (test only).',
    })),
  );
  return new SignJWT({ org: GROUND_TRUTH_ORG, org_type: 'un-agency', roles: [GROUND_TRUTH_ROLE] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('oracle@test')
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setExpirationTime('30m')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}
