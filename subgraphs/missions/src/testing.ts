// Test helpers of the missions subgraph (used by tests/missions*.test.ts).
import { migrateAll, runSubgraphOperation, sharedDataDir, type BuiltSubgraph, type Database, type Identity } from '@peacegraph/kit';
import { seedAgreements } from '../../../scripts/seed/agreements';
import { seedMissions, type MissionsSeedReport } from './seed';
import { createMissionsLoaders } from './loaders';

export { demoIdentity } from '@peacegraph/reference';

/** DPO headquarters (no demo audience has it): may record resolutions and close missions for any mission. */
export const DPO_OFFICER: Identity = { subject: 'mandates@dpo', organizationId: 'dpo', organizationType: 'un-agency', roles: ['dpo-mandate-officer'] };

/** Migrates policy + missions, seeds the agreements and imports the missions data (real files, or the excerpt without them). */
export async function seedMissionsDatabase(database: Database, dataDir: string = sharedDataDir): Promise<MissionsSeedReport> {
  await migrateAll(database, ['policy', 'missions']);
  await seedAgreements(database.db);
  return seedMissions(database.db, dataDir);
}

export type RunAs = (identity: Identity, query: string, variables?: Record<string, unknown>) => ReturnType<typeof runSubgraphOperation>;

export function runner(built: () => BuiltSubgraph, database: () => Database): RunAs {
  return (identity, query, variables) => runSubgraphOperation(built(), database(), createMissionsLoaders, identity, query, variables);
}
