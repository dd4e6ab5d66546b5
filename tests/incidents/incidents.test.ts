import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents, runSubgraphOperation, type BuiltSubgraph } from '@peacegraph/kit';
import { and, eq, sql } from 'drizzle-orm';
import { buildIncidentsSubgraph, createIncidentsLoaders, seedIncidents } from '@peacegraph/incidents';
import type { Database } from '@peacegraph/kit';
import { identityOf, INCIDENT_TEST_DATABASES, NGO_PARTNER_AREAS, openIncidentsTestDatabase } from '../../subgraphs/incidents/src/testing';

describe.each(INCIDENT_TEST_DATABASES)('incidents slice on $label', (kind) => {
  let built: BuiltSubgraph;
  let database: Database;
  const run = (audience: string, query: string, variables: Record<string, unknown> = {}) =>
    runSubgraphOperation(built, database, createIncidentsLoaders, identityOf(audience), query, variables);

  beforeAll(async () => {
    built = await buildIncidentsSubgraph();
    database = await openIncidentsTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  test('seeding twice inserts once, with the same ids', async () => {
    const first = await seedIncidents(database.db);
    expect(first.inserted).toBeGreaterThan(1000);
    const second = await seedIncidents(database.db);
    expect(second.inserted).toBe(0);
  });

  test('the mission sees its own incidents with exact points, summaries and reporting units', async () => {
    const result = await run(
      'mission-ops',
      `{ incidents(filter: {missionId: "MINUSCA"}, page: {first: 5}) { nodes { id mission { id } eventDate eventType subEventType disorderType
          adminArea { pcode } location { latitude longitude precision } summary reportingUnit provenance } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(result.errors).toBeUndefined();
    const page = (result.data as any).incidents;
    expect(page.nodes).toHaveLength(5);
    expect(page.pageInfo.hasNextPage).toBe(true);
    for (const node of page.nodes) {
      expect(node.mission.id).toBe('MINUSCA');
      expect(node.location.precision).toBe('EXACT');
      expect(node.summary).toMatch(/^GENERATED DEMO DATA/);
      expect(node.reportingUnit).toMatch(/MINUSCA/);
      expect(node.provenance).toBe('generated');
    }
    // newest first
    const dates = page.nodes.map((n: any) => n.eventDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test("the mission sees no other mission's incidents", async () => {
    const result = await run('mission-ops', `{ incidents(filter: {missionId: "MONUSCO"}) { nodes { id } } }`);
    expect(result.errors).toBeUndefined();
    expect((result.data as any).incidents.nodes).toEqual([]);
  });

  test('the NGO partner sees only its agreed areas, with coarsened points and no summary', async () => {
    const result = await run(
      'ngo-partner',
      `{ incidents(page: {first: 500}) { nodes { id adminArea { pcode } location { latitude longitude precision } summary } } }`,
    );
    const nodes = (result.data as any).incidents.nodes as any[];
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(NGO_PARTNER_AREAS.some((p) => node.adminArea.pcode.startsWith(p))).toBe(true);
      expect(node.location.precision).toBe('ADMIN_AREA_CENTROID');
      expect(node.summary).toBeNull();
    }
    expect(result.errors?.every((e) => e.extensions?.code === 'FORBIDDEN' && e.extensions?.dataClass === 'UN_INTERNAL')).toBe(true);
    // One audit event for the request's coarsened locations, naming every incident.
    const coarsened = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, 'nrc'), eq(auditEvents.decision, 'COARSENED')));
    expect(coarsened).toHaveLength(1);
    expect(coarsened[0]).toMatchObject({ dataClass: 'PRECISE_LOCATION', entityType: 'Incident', field: 'location', subject: identityOf('ngo-partner').subject });
    expect([...coarsened[0]!.entityIds].sort()).toEqual(nodes.map((n) => n.id).sort());
  });

  test('the public and an NGO without agreement get no incident rows', async () => {
    for (const audience of ['public', 'ngo-other', 'donor']) {
      const result = await run(audience, `{ incidents { nodes { id } } }`);
      expect(result.data?.incidents ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'PARTNER' });
    }
  });

  test('Mission.incidents and AdminArea.incidents give an area-limited partner exactly the rows of its areas; the public is refused', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Mission { id incidents(page: {first: 500}) { nodes { adminArea { pcode } } } }
      ... on AdminArea { pcode incidents(page: {first: 500}) { nodes { adminArea { pcode } } } } } }`;
    const result: any = await run('ngo-partner', query, { r: [{ __typename: 'Mission', id: 'MINUSCA' }, { __typename: 'AdminArea', pcode: 'CF' }] });
    expect(result.errors).toBeUndefined();
    const byMission = result.data._entities[0].incidents.nodes as any[];
    const byArea = result.data._entities[1].incidents.nodes as any[];
    expect(byMission.length).toBeGreaterThan(0);
    expect(byMission.every((n) => NGO_PARTNER_AREAS.some((p) => n.adminArea.pcode.startsWith(p)))).toBe(true);
    expect(byArea.every((n) => NGO_PARTNER_AREAS.some((p) => n.adminArea.pcode.startsWith(p)))).toBe(true);
    const pub: any = await run('public', query, { r: [{ __typename: 'Mission', id: 'MINUSCA' }] });
    expect(pub.data._entities[0].incidents).toBeNull();
    expect(pub.errors?.[0]).toMatchObject({ path: ['_entities', 0, 'incidents'], extensions: { code: 'FORBIDDEN', dataClass: 'PARTNER' } });
  });


  test('_entities returns only in-scope incidents', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id fatalities } } }`;
    const representations = [
      { __typename: 'Incident', id: 'INC-MINUSCA-G00001' },
      { __typename: 'Incident', id: 'INC-MONUSCO-G00001' },
    ];
    const ops = await run('mission-ops', query, { r: representations });
    expect((ops.data as any)._entities[0]?.id).toBe('INC-MINUSCA-G00001');
    expect((ops.data as any)._entities[1]).toBeNull();
    const pub = await run('public', query, { r: representations });
    expect((pub.data as any)._entities).toEqual([null, null]);
  });

  test('filters: area with children, date range, event type, minimum fatalities', async () => {
    const result = await run(
      'un-agency',
      `{ incidents(filter: {adminAreaPcode: "CF43", fromDate: "2024-06-01", toDate: "2024-12-31", eventType: BATTLES, minFatalities: 2}, page: {first: 500}) {
          nodes { adminArea { pcode } eventDate eventType fatalities } } }`,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as any).incidents.nodes as any[];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.adminArea.pcode.startsWith('CF43')).toBe(true);
      expect(n.eventDate >= '2024-06-01' && n.eventDate <= '2024-12-31').toBe(true);
      expect(n.eventType).toBe('BATTLES');
      expect(n.fatalities).toBeGreaterThanOrEqual(2);
    }
  });

  test('an admin area filter includes its child areas', async () => {
    const result = await run('un-agency', `{ incidents(filter: {adminAreaPcode: "CF43"}, page: {first: 500}) { nodes { adminArea { pcode } } } }`);
    const pcodes = new Set(((result.data as any).incidents.nodes as any[]).map((n) => n.adminArea.pcode));
    expect([...pcodes].sort()).toEqual(['CF43', 'CF431', 'CF435']);
  });

  test('cursor pagination walks every row exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await run('mission-ops', `query($after: String) { incidents(filter: {adminAreaPcode: "CF431"}, page: {first: 7, after: $after}) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data.incidents.nodes.map((n: any) => n.id));
      if (!result.data.incidents.pageInfo.hasNextPage) break;
      after = result.data.incidents.pageInfo.endCursor;
    }
    const all: any = await run('mission-ops', `{ incidents(filter: {adminAreaPcode: "CF431"}, page: {first: 500}) { nodes { id } } }`);
    expect(seen).toEqual(all.data.incidents.nodes.map((n: any) => n.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('bad filter values name the field', async () => {
    const result = await run('un-agency', `{ incidents(filter: {fromDate: "last week"}) { nodes { id } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.fromDate' });
  });

  test('Mission.incidents and AdminArea.incidents are batched: statements flat in page size and parent count', async () => {
    const query = `query($r: [_Any!]!, $first: Int!) { _entities(representations: $r) {
        ... on Mission { id incidents(page: {first: $first}) { nodes { id location { precision } } } }
        ... on AdminArea { pcode incidents(page: {first: $first}) { nodes { id } } } } }`;
    const reps = [
      { __typename: 'Mission', id: 'MINUSCA' },
      { __typename: 'Mission', id: 'MONUSCO' },
      { __typename: 'Mission', id: 'UNMISS' },
      { __typename: 'AdminArea', pcode: 'CF43' },
      { __typename: 'AdminArea', pcode: 'CF431' },
      { __typename: 'AdminArea', pcode: 'CD61' },
    ];
    const count = async (first: number) => {
      const before = database.statementCount();
      const result: any = await run('un-agency', query, { r: reps, first });
      expect(result.errors).toBeUndefined();
      return { statements: database.statementCount() - before, data: result.data._entities };
    };
    const small = await count(10);
    const large = await count(500);
    expect(small.data[0].incidents.nodes).toHaveLength(10);
    expect(large.data[0].incidents.nodes.length).toBeGreaterThan(10);
    expect(large.data[4].incidents.nodes.every((n: any) => n.id.startsWith('INC-MINUSCA'))).toBe(true);
    // CF43 includes its child CF431
    expect(large.data[3].incidents.nodes.length).toBeGreaterThan(large.data[4].incidents.nodes.length);
    expect(large.statements).toBe(small.statements);
  });

  test("a mission's newest incidents are read in index order, not sorted", async () => {
    // With sorting priced out, a plan still sorts only if no index gives this order
    // (incidents_mission_date_idx once had NULLS LAST, which ORDER BY … DESC cannot use).
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      const result = await tx.execute(sql`explain select id from incidents.incidents where mission_id = 'MINUSCA' and event_date >= '2015-01-01' order by event_date desc, id desc limit 51`);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map((r: any) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('incidents_mission_date_idx');
    expect(plan).not.toMatch(/Sort/);
  });

  test("each parent's page in a batch is the page it gets alone: same incidents, newest first, same cursor", async () => {
    const query = `query($r: [_Any!]!, $page: PageInput) { _entities(representations: $r) {
        ... on Mission { incidents(page: $page) { nodes { id eventDate } pageInfo { endCursor hasNextPage } } }
        ... on AdminArea { incidents(page: $page) { nodes { id eventDate } pageInfo { endCursor hasNextPage } } } } }`;
    const reps = [
      { __typename: 'Mission', id: 'MINUSCA' },
      { __typename: 'AdminArea', pcode: 'CF43' },
      { __typename: 'Mission', id: 'UNMISS' },
      { __typename: 'AdminArea', pcode: 'CD61' },
      { __typename: 'Mission', id: 'UNISFA' },
    ];
    const pages = async (r: object[], page: object) => {
      const result: any = await run('un-agency', query, { r, page });
      expect(result.errors).toBeUndefined();
      return result.data._entities.map((e: any) => e.incidents);
    };
    const together = await pages(reps, { first: 7 });
    for (const [i, rep] of reps.entries()) {
      const [alone] = await pages([rep], { first: 7 });
      expect(together[i], rep.__typename).toEqual(alone);
      const dates = alone.nodes.map((n: any) => n.eventDate);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    expect(together.filter((p: any) => p.nodes.length === 7).length).toBeGreaterThanOrEqual(3);
    // The next page after MINUSCA's first continues it, without overlap.
    const [next] = await pages([reps[0]!], { first: 7, after: together[0].pageInfo.endCursor });
    const [fourteen] = await pages([reps[0]!], { first: 14 });
    expect([...together[0].nodes, ...next.nodes]).toEqual(fourteen.nodes);
  });
});
