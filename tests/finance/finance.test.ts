import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, PUBLIC_IDENTITY, runSubgraphOperation, sharedDataDir, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildFinanceSubgraph, createFinanceLoaders, seedFinance } from '@peacegraph/finance';
import { TEST_DATABASES } from '../databases';

describe.each(TEST_DATABASES)('finance slice on $label', (kind) => {
  let test: { database: Database };
  let built: BuiltSubgraph;
  const run = (query: string, variables?: Record<string, unknown>) =>
    runSubgraphOperation(built, test.database, createFinanceLoaders, PUBLIC_IDENTITY, query, variables);

  beforeAll(async () => {
    test = { database: await kind.create() };
    await migrateAll(test.database, ['policy', 'finance']);
    built = await buildFinanceSubgraph();
    await seedFinance(test.database.db, sharedDataDir);
  });
  afterAll(() => test?.database.close());

  it('seeds idempotently: a second run inserts nothing', async () => {
    expect((await seedFinance(test.database.db, sharedDataDir)).inserted).toBe(0);
  });

  it('serves the UNIFIL 2024/25 appropriation exactly, labelled with its source', async () => {
    const result = await run(`{ missionBudgets(fiscalPeriod: "2024/25", missionId: "UNIFIL") {
      nodes { missionId fiscalPeriodId approvedAmount currency source estimated } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      missionBudgets: {
        nodes: [
          { missionId: 'UNIFIL', fiscalPeriodId: '2024/25', approvedAmount: '582630000.00', currency: 'USD', source: expect.stringContaining('GA/12611'), estimated: false },
        ],
      },
    });
  });

  it('keeps budgets per period, newest first, with the appropriation resolution where the source names it', async () => {
    const result = await run(`{ _entities(representations: [{__typename: "Mission", id: "UNMISS"}]) { ... on Mission { budgets { fiscalPeriodId approvedAmount resolutionSymbol estimated } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      {
        budgets: [
          { fiscalPeriodId: '2024/25', approvedAmount: '1250000000.00', resolutionSymbol: null, estimated: true },
          { fiscalPeriodId: '2022/23', approvedAmount: '1125050000.00', resolutionSymbol: 'A/RES/76/291', estimated: false },
        ],
      },
    ]);
  });

  it('labels every seeded figure: estimates say so', async () => {
    const result = await run(`{ missionBudgets(page: {first: 500}) { nodes { missionId source estimated sourceNote } } }`);
    const nodes = (result.data!.missionBudgets as { nodes: { source: string; estimated: boolean; sourceNote: string }[] }).nodes;
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes) {
      expect(node.sourceNote).toBeTruthy();
      expect(node.source === 'estimate').toBe(node.estimated);
    }
  });

  it('extends Mission with its budgets through _entities', async () => {
    const result = await run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id budgets(fiscalPeriod: "2024/25") { approvedAmount costClasses { costClass amount } } } } }`,
      { r: [{ __typename: 'Mission', id: 'MINURSO' }, { __typename: 'Mission', id: 'NOPE' }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      {
        id: 'MINURSO',
        budgets: [
          {
            approvedAmount: '75350000.00',
            costClasses: [
              { costClass: 'MILITARY_AND_POLICE_PERSONNEL', amount: '7525000.00' },
              { costClass: 'CIVILIAN_PERSONNEL', amount: '25440000.00' },
              { costClass: 'OPERATIONAL_COSTS', amount: '37740000.00' },
            ],
          },
        ],
      },
      { id: 'NOPE', budgets: [] },
    ]);
  });

  it('batches Mission.budgets: the statement count does not grow with the number of missions', async () => {
    const count = async (n: number) => {
      const representations = Array.from({ length: n }, (_, i) => ({ __typename: 'Mission', id: i === 0 ? 'UNIFIL' : `M${i}` }));
      const before = test.database.statementCount();
      const result = await run(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { budgets { approvedAmount } } } }`, { r: representations });
      expect(result.errors).toBeUndefined();
      return test.database.statementCount() - before;
    };
    expect(await count(500)).toBe(await count(10));
  });

  it('refuses a malformed fiscal period, naming the argument', async () => {
    const result = await run(`{ missionBudgets(fiscalPeriod: "2024-25") { nodes { id } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalPeriod' });
  });
});
