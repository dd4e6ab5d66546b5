// A test-only organisation holding every class everywhere: what it reads is the ground truth
// that policy tests compare an audience's answers (and what they can derive) against.
import { SignJWT } from 'jose';
import { agreements, ALL_DATA_CLASSES } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { TEST_JWT_SECRET, type TestStack } from './harness';

export const GROUND_TRUTH_ORG = 'conformance-oracle';

/** Adds the organisation's agreement to the stack's database and returns a token for it. */
export async function groundTruthToken(t: TestStack): Promise<string> {
  await t.database.db.insert(agreements).values({
    id: 'conformance-oracle-all',
    provider: 'test',
    recipientOrganizationId: GROUND_TRUTH_ORG,
    dataClasses: [...ALL_DATA_CLASSES],
    validFrom: new Date('2000-01-01'),
    purpose: 'Ground truth for policy tests (test only).',
  });
  return new SignJWT({ org: GROUND_TRUTH_ORG, org_type: 'test', roles: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('oracle@test')
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setExpirationTime('30m')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}
