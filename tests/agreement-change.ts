import { agreementsInForce, type Database } from '@peacegraph/kit';
import { demoIdentity } from '@peacegraph/reference';

/**
 * Waits (at most a second) until this process's agreement cache no longer lists `agreementId`
 * for `audience`: the NOTIFY of policy.agreements arrives at once on PGlite and within
 * moments on PostgreSQL, where it travels on its own connection.
 */
export async function agreementChangeSeen(database: Database, audience: string, agreementId: string): Promise<void> {
  const deadline = Date.now() + 1000;
  while ((await agreementsInForce(database, demoIdentity(audience))).some((a) => a.id === agreementId)) {
    if (Date.now() > deadline) throw new Error(`the expiry of ${agreementId} did not reach the agreement cache within a second`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
