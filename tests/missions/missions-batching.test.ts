import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { encodeCursor, PUBLIC_IDENTITY, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildMissionsSubgraph } from '@peacegraph/missions';
import { missions } from '../../subgraphs/missions/src/tables';
import { demoIdentity, runner, seedMissionsDatabase } from '../../subgraphs/missions/src/testing';
import { TEST_DATABASES } from '../databases';

/** Every list-valued and computed field of Mission, several levels deep. */
const DEEP_MISSIONS = `query ($first: Int!, $after: String) {
  missions(page: {first: $first, after: $after}) {
    nodes {
      id name status hostCountries { iso3 name uniformedGenderShare { femaleShare } } fatalityCount mandateExpiresOn deployedUniformedPersonnel
      contributions(year: 2019, top: 3) { contributorName total contributor { iso3 } }
      deployedStrength { year completeYear deployedUniformed authorizedUniformed gap authorizedBySymbol }
      genderShare { femaleShare meetsTarget }
      currentMandate { symbol tasks { category indicators { id latest { value } progress } } }
      resolutions { symbol authorizedUniformed authorizedStrengths { personnelType ceiling } mission { id } }
      deploymentSites { location isCurrentPosition point { latitude precision } contributors { contributorName contributorIso3 size } }
      trainingCompliance { complianceRate }
      indicators { id measurements { value } }
    }
    pageInfo { endCursor hasNextPage }
  }
}`;

const PAGE = `query ($first: Int!, $after: String) { missions(page: {first: $first, after: $after}) { nodes { id } pageInfo { endCursor hasNextPage } } }`;

describe.each(TEST_DATABASES)('missions batching and pagination on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  const run = runner(() => built, () => database);
  let allIds: string[];

  beforeAll(async () => {
    database = await kind.create();
    await seedMissionsDatabase(database);
    built = await buildMissionsSubgraph();
    // The excerpt used without ../shared/data has fewer missions than the entity test needs.
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(missions);
    const padding = Array.from({ length: Math.max(0, 60 - n) }, (_, i) => `ZTEST${String(i).padStart(2, '0')}`);
    if (padding.length) {
      await database.db.insert(missions).values(
        padding.map((id) => ({ id, acronym: id, name: id, missionType: 'PKO', leadOrganization: 'UN', hostCountryIso3: [], status: 'ACTIVE', source: 'derived' })),
      );
    }
    allIds = (await database.db.select({ id: missions.id }).from(missions)).map((row) => row.id).sort();
  }, 300_000);
  afterAll(() => database?.close());

  it.each([
    ['the public', 'public'],
    ['mission staff (restricted classes, audited)', 'mission-ops'],
  ])('SQL statements for 10 missions and for all missions are the same (%s)', async (_label, audience) => {
    const identity = demoIdentity(audience);
    const statements = async (first: number, after: string | null) => {
      const before = database.statementCount();
      const result = await run(identity, DEEP_MISSIONS, { first, after });
      // Denied UN_INTERNAL fields (training compliance of other missions) are expected; nothing else.
      expect((result.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
      const nodes = (result.data!.missions as { nodes: unknown[] }).nodes;
      return { statements: database.statementCount() - before, missions: nodes.length, denied: result.errors?.length ?? 0 };
    };
    // Ten missions from MINUSCA on: every nested level has rows there (resolutions with tasks
    // and indicators, sites, contributions), so no level is skipped for lack of data.
    const ten = await statements(10, encodeCursor('MINURSO'));
    const all = await statements(500, null);
    expect(ten.missions).toBe(10);
    expect(all.missions).toBe(allIds.length);
    expect(all.missions).toBeGreaterThan(50);
    expect(all.statements).toBe(ten.statements);
    console.log(`${audience}: ${ten.statements} statements for 10 and for ${all.missions} missions`);
  });

  it('paging through every mission in small pages yields each exactly once, in id order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const result = await run(PUBLIC_IDENTITY, PAGE, { first: 7, after });
      const page = result.data!.missions as { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...allIds].sort());
  });

  it('stays stable when missions are inserted while paging: no duplicates, no gaps, new rows after the cursor appear', async () => {
    const first = await run(PUBLIC_IDENTITY, PAGE, { first: 20 });
    const page1 = first.data!.missions as { nodes: { id: string }[]; pageInfo: { endCursor: string } };
    const before = 'AAAINSERTED'; // sorts before the cursor: already "passed"
    const later = 'ZZZINSERTED'; // sorts after it: must show up
    await database.db.insert(missions).values(
      [before, later].map((id) => ({ id, acronym: id, name: id, missionType: 'PKO', leadOrganization: 'UN', hostCountryIso3: [], status: 'ACTIVE', source: 'derived' })),
    );
    const rest: string[] = [];
    let after: string | null = page1.pageInfo.endCursor;
    while (after) {
      const result = await run(PUBLIC_IDENTITY, PAGE, { first: 20, after });
      const page = result.data!.missions as { nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      rest.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    const ids = [...page1.nodes.map((n) => n.id), ...rest];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...allIds, later].sort());
    allIds = [...allIds, before, later].sort();
  });

  it('resolves 50 Mission references from another subgraph in one SQL statement', async () => {
    const representations = allIds.slice(0, 50).map((id) => ({ __typename: 'Mission', id }));
    const before = database.statementCount();
    const result = await run(PUBLIC_IDENTITY, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id name status } } }`, {
      r: representations,
    });
    expect(database.statementCount() - before).toBe(1);
    expect(result.errors).toBeUndefined();
    expect((result.data!._entities as { id: string }[]).map((e) => e.id)).toEqual(allIds.slice(0, 50));
  });

  it('resolves the field finance requires (deployedUniformedPersonnel) for 50 references in one more statement per level', async () => {
    const representations = allIds.slice(0, 50).map((id) => ({ __typename: 'Mission', id }));
    const before = database.statementCount();
    const result = await run(PUBLIC_IDENTITY, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id deployedUniformedPersonnel } } }`, {
      r: representations,
    });
    expect(result.errors).toBeUndefined();
    // missions by id, deployed totals by mission, the year coverage.
    expect(database.statementCount() - before).toBe(3);
    const minusca = (result.data!._entities as { id: string; deployedUniformedPersonnel: number | null }[]).find((e) => e.id === 'MINUSCA');
    expect(minusca?.deployedUniformedPersonnel).toBeGreaterThan(0);
  });

  it('rejects a forged cursor, naming the argument', async () => {
    const result = await run(PUBLIC_IDENTITY, PAGE, { first: 5, after: 'not-a-cursor!' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page.after' });
  });
});
