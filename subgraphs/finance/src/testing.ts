import { migrateAll, runSubgraphOperation, sharedDataDir, type BuiltSubgraph, type Database, type Identity, type OperationResult } from '@peacegraph/kit';
import { demoIdentity as sharedDemoIdentity } from '@peacegraph/reference';
import { seedAgreements } from '../../../scripts/seed/agreements';
import { buildFinanceSubgraph } from './index';
import { createFinanceLoaders } from './loaders';
import { seedFinance } from './seed/seed-finance';

/** The identity a seeded demo audience carries (mission-ops, un-agency, donor, public …), optionally changed. */
export function demoIdentity(audience: string, overrides: Partial<Identity> = {}): Identity {
  return { ...sharedDemoIdentity(audience), ...overrides };
}

export interface FinanceTest {
  database: Database;
  built: BuiltSubgraph;
  run(identity: Identity | string, query: string, variables?: Record<string, unknown>): Promise<OperationResult>;
  close(): Promise<void>;
}

/** A migrated, seeded database (agreements + finance) and the built subgraph, for subgraph-level tests. */
export async function startFinanceTest(database: Database, options: { seed?: boolean } = {}): Promise<FinanceTest> {
  await migrateAll(database, ['policy', 'finance']);
  await seedAgreements(database.db);
  if (options.seed !== false) await seedFinance(database.db, sharedDataDir);
  const built = await buildFinanceSubgraph();
  return {
    database,
    built,
    run: (identity, query, variables) =>
      runSubgraphOperation(built, database, createFinanceLoaders, typeof identity === 'string' ? demoIdentity(identity) : identity, query, variables),
    close: () => database.close(),
  };
}
