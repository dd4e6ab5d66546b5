import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq, like, ne, sql } from 'drizzle-orm';
import { auditEvents, runSubgraphOperation, suppressionThreshold, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildIncidentsSubgraph, createIncidentsLoaders, seedIncidents } from '@peacegraph/incidents';
import { incidents, perpetratorAttributions, seaAllegations, sourceReports, victims } from '../../subgraphs/incidents/src/tables';
import { identityOf, INCIDENT_TEST_DATABASES, openIncidentsTestDatabase } from '../../subgraphs/incidents/src/testing';

const SUPPRESSION_THRESHOLD = suppressionThreshold();

const FIELDS = `id summary reportingUnit location { precision } victims { fullName } sources { sourceName } perpetrators { identifiedAs } verificationHistory { reason }`;

type Expectation = { visible: boolean; denied?: Record<string, string>; precision?: string };

/** What each seeded audience may see of a MINUSCA incident inside NRC's agreed areas. */
const MATRIX: [audience: string, roles: string[], expected: Expectation][] = [
  ['mission-ops', [], { visible: true, denied: {}, precision: 'EXACT' }],
  ['mission-ops', ['conduct-and-discipline'], { visible: true, denied: {}, precision: 'EXACT' }],
  [
    'un-agency',
    [],
    { visible: true, precision: 'EXACT', denied: { reportingUnit: 'SECURITY_OPERATIONS', victims: 'VICTIM_IDENTITY', sources: 'SOURCE_IDENTITY', perpetrators: 'PERPETRATOR_IDENTITY' } },
  ],
  [
    'ngo-partner',
    [],
    {
      visible: true,
      precision: 'ADMIN_AREA_CENTROID',
      denied: {
        summary: 'UN_INTERNAL',
        reportingUnit: 'SECURITY_OPERATIONS',
        victims: 'VICTIM_IDENTITY',
        sources: 'SOURCE_IDENTITY',
        perpetrators: 'PERPETRATOR_IDENTITY',
        verificationHistory: 'UN_INTERNAL',
      },
    },
  ],
  ['ngo-other', [], { visible: false }],
  ['donor', [], { visible: false }],
  ['oversight', [], { visible: false }],
  ['public', [], { visible: false }],
];

describe.each(INCIDENT_TEST_DATABASES)('incidents policy on $label', (kind) => {
  let built: BuiltSubgraph;
  let database: Database;
  let target: { id: string; victimName: string; sourceName: string; identifiedAs: string | null };
  const run = (audience: string, query: string, variables: Record<string, unknown> = {}, roles: string[] = []) =>
    runSubgraphOperation(built, database, createIncidentsLoaders, identityOf(audience, roles), query, variables);

  beforeAll(async () => {
    built = await buildIncidentsSubgraph();
    database = await openIncidentsTestDatabase(kind);
    await seedIncidents(database.db);
    // A MINUSCA incident in Ouaka (inside NRC's agreement) with a victim, a source and a named perpetrator.
    const [row] = await database.db
      .select({ id: incidents.id, victimName: victims.fullName, sourceName: sourceReports.sourceName, identifiedAs: perpetratorAttributions.identifiedAs })
      .from(incidents)
      .innerJoin(victims, eq(victims.incidentId, incidents.id))
      .innerJoin(sourceReports, eq(sourceReports.incidentId, incidents.id))
      .innerJoin(perpetratorAttributions, eq(perpetratorAttributions.incidentId, incidents.id))
      .where(and(like(incidents.adminAreaPcode, 'CF43%'), sql`${perpetratorAttributions.identifiedAs} is not null`))
      .limit(1);
    target = row!;
  });
  afterAll(async () => {
    await database?.close();
  });

  for (const entry of ['Query.incident', '_entities'] as const) {
    test.each(MATRIX)(`${entry}: %s %j sees only what it is cleared for`, async (audience, roles, expected) => {
      const result =
        entry === 'Query.incident'
          ? await run(audience, `query($id: ID!) { incident(id: $id) { ${FIELDS} } }`, { id: target.id }, roles)
          : await run(audience, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { ${FIELDS} } } }`, { r: [{ __typename: 'Incident', id: target.id }] }, roles);
      const incident = (entry === 'Query.incident' ? (result.data as any)?.incident : (result.data as any)?._entities?.[0]) ?? null;
      const text = JSON.stringify(result);
      if (!expected.visible) {
        expect(incident).toBeNull();
      } else {
        expect(incident.id).toBe(target.id);
        expect(incident.location.precision).toBe(expected.precision);
        for (const field of ['summary', 'reportingUnit', 'victims', 'sources', 'perpetrators', 'verificationHistory']) {
          const deniedClass = expected.denied?.[field];
          if (deniedClass) {
            expect(incident[field]).toBeNull();
            const error = result.errors?.find((e) => e.path?.[e.path.length - 1] === field);
            expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: deniedClass });
          } else {
            expect(incident[field]).not.toBeNull();
          }
        }
      }
      // Identities never travel to an audience not cleared for them, not even in an error.
      const clearedForIdentities = audience === 'mission-ops';
      expect(text.includes(target.victimName)).toBe(clearedForIdentities);
      expect(text.includes(target.sourceName)).toBe(clearedForIdentities);
      expect(text.includes(target.identifiedAs!)).toBe(clearedForIdentities);
    });
  }

  test('restricted lists are scoped in SQL too: another mission’s victims never load', async () => {
    const result: any = await run('mission-ops', `{ incidents(filter: {missionId: "MONUSCO"}) { nodes { id } } }`);
    expect(result.data.incidents.nodes).toEqual([]);
    const entities: any = await run('mission-ops', `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id victims { fullName } } } }`, {
      r: [{ __typename: 'Incident', id: 'INC-MONUSCO-G00001' }],
    });
    expect(entities.data._entities).toEqual([null]);
  });

  test('SEA allegations: only the conduct-and-discipline role reads them', async () => {
    const query = `{ seaAllegations(page: {first: 500}) { nodes { id missionId summary } } }`;
    const cdt: any = await run('mission-ops', query, {}, ['conduct-and-discipline']);
    expect(cdt.errors).toBeUndefined();
    expect(cdt.data.seaAllegations.nodes.length).toBeGreaterThan(0);
    expect(cdt.data.seaAllegations.nodes.every((n: any) => n.missionId === 'MINUSCA')).toBe(true);
    const sample = cdt.data.seaAllegations.nodes[0].summary as string;
    for (const audience of ['mission-ops', 'un-agency', 'ngo-partner', 'ngo-other', 'donor', 'oversight', 'public']) {
      const result = await run(audience, query);
      expect(result.data?.seaAllegations ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'SEA_ALLEGATION' });
      expect(JSON.stringify(result)).not.toContain(sample);
    }
  });

  test('SEA statistics are suppressed below the threshold for everyone, cleared or not', async () => {
    const truth = await database.db
      .select({ missionId: seaAllegations.missionId, year: sql<number>`extract(year from ${seaAllegations.reportedOn})::int`, n: sql<number>`count(*)::int` })
      .from(seaAllegations)
      .groupBy(seaAllegations.missionId, sql`2`);
    expect(truth.some((t) => t.n > 0 && t.n < SUPPRESSION_THRESHOLD)).toBe(true); // the test data has small cells
    for (const [audience, roles] of [['public', []], ['mission-ops', ['conduct-and-discipline']]] as const) {
      const result: any = await run(audience, `{ seaAllegationStatistics { missionId year allegations suppressed } }`, {}, [...roles]);
      for (const cell of result.data.seaAllegationStatistics) {
        const n = truth.find((t) => t.missionId === cell.missionId && t.year === cell.year)!.n;
        expect(cell).toEqual({ missionId: cell.missionId, year: cell.year, allegations: n < SUPPRESSION_THRESHOLD ? null : n, suppressed: n < SUPPRESSION_THRESHOLD });
      }
    }
  });

  const STATS = `query($f: IncidentStatisticsFilterInput) { incidentStatistics(filter: $f) { missionId adminAreaPcode month eventType events { value suppressed } fatalities { value suppressed } } }`;

  test.each([1, 2])('aggregates (admin level %i) equal the sum of the rows they summarize', async (adminLevel) => {
    const result: any = await run('un-agency', STATS, { f: { missionId: 'MINUSCA', adminLevel } });
    const cells = result.data.incidentStatistics as any[];
    expect(cells.every((c) => !c.events.suppressed && !c.fatalities.suppressed)).toBe(true);
    const [truth] = await database.db
      .select({ n: sql<number>`count(*)::int`, f: sql<number>`coalesce(sum(${incidents.fatalities}), 0)::int` })
      .from(incidents)
      .where(and(eq(incidents.missionId, 'MINUSCA'), ne(incidents.verificationStatus, 'REFUTED')));
    expect(cells.reduce((s, c) => s + c.events.value, 0)).toBe(truth!.n);
    expect(cells.reduce((s, c) => s + c.fatalities.value, 0)).toBe(truth!.f);
    // one cell against the rows the API serves for it
    const cell = cells.find((c) => c.events.value >= 3)!;
    const [year, month] = cell.month.split('-');
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).toISOString().slice(0, 10);
    const rows: any = await run('un-agency', `query($f: IncidentFilterInput) { incidents(filter: $f, page: {first: 500}) { nodes { fatalities verificationStatus } } }`, {
      f: { missionId: 'MINUSCA', adminAreaPcode: cell.adminAreaPcode, eventType: cell.eventType, fromDate: `${cell.month}-01`, toDate: last },
    });
    const counted = (rows.data.incidents.nodes as any[]).filter((n) => n.verificationStatus !== 'REFUTED');
    // admin level 2 groups by the exact area filed; the filter includes children, so compare only at level 1 or for leaf areas
    if (adminLevel === 1 || cell.adminAreaPcode.length > 4) {
      expect(counted.length).toBe(cell.events.value);
      expect(counted.reduce((s, n) => s + n.fatalities, 0)).toBe(cell.fatalities.value);
    }
  });

  test('small counts are suppressed for callers not cleared for the rows, exact for those who are', async () => {
    const exact: any = await run('un-agency', STATS, { f: { missionId: 'MINUSCA' } });
    const key = (c: any) => `${c.missionId}|${c.adminAreaPcode}|${c.month}|${c.eventType}`;
    const truth = new Map((exact.data.incidentStatistics as any[]).map((c) => [key(c), c]));
    expect([...truth.values()].some((c) => c.events.value > 0 && c.events.value < SUPPRESSION_THRESHOLD)).toBe(true);
    for (const audience of ['public', 'ngo-other', 'ngo-partner']) {
      const result: any = await run(audience, STATS, { f: { missionId: 'MINUSCA' } });
      const cells = result.data.incidentStatistics as any[];
      expect(cells.length).toBe(truth.size);
      for (const cell of cells) {
        const t = truth.get(key(cell))!;
        const cleared = audience === 'ngo-partner' && ['CF71', 'CF43', 'CF52'].some((p) => cell.adminAreaPcode.startsWith(p));
        const small = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD;
        const withheld = { value: null, suppressed: true };
        if (cleared) expect(cell).toMatchObject({ events: t.events, fatalities: t.fatalities });
        // Not cleared: small counts withheld (primary), and the fatalities of withheld incidents
        // with them; a count may also be withheld to protect another (complementary). Whatever is
        // served is exact.
        if (!cleared && small(t.events.value)) expect(cell.events).toEqual(withheld);
        if (!cleared && (cell.events.suppressed || small(t.fatalities.value))) expect(cell.fatalities).toEqual(withheld);
        for (const measure of ['events', 'fatalities'] as const) {
          expect(cell[measure]).toEqual(cell[measure].suppressed ? withheld : { value: t[measure].value, suppressed: false });
        }
      }
    }
  });

  test('admin2 cells are withheld from uncleared callers, so admin1 minus admin2 recovers nothing', async () => {
    const exact: any = await run('un-agency', STATS, { f: { missionId: 'MINUSCA', adminLevel: 2 } });
    const key = (c: any) => `${c.adminAreaPcode}|${c.month}|${c.eventType}`;
    const truth = new Map((exact.data.incidentStatistics as any[]).map((c) => [key(c), c]));
    const pub: any = await run('public', STATS, { f: { missionId: 'MINUSCA', adminLevel: 2 } });
    expect((pub.data.incidentStatistics as any[]).every((c) => c.events.value === null && c.events.suppressed && c.fatalities.value === null)).toBe(true);
    const ngo: any = await run('ngo-partner', STATS, { f: { missionId: 'MINUSCA', adminLevel: 2 } });
    for (const cell of ngo.data.incidentStatistics as any[]) {
      const cleared = ['CF71', 'CF43', 'CF52'].some((p) => cell.adminAreaPcode.startsWith(p));
      expect(cell.events).toEqual(cleared ? truth.get(key(cell)).events : { value: null, suppressed: true });
    }
  });

  test('ceasefire-violation timeline: totals match the rows; public counts suppressed when small', async () => {
    const query = `{ ceasefireViolationTimeline(missionId: "MINUSCA") { agreement missionId months { month violations { value suppressed } fatalities { value suppressed } } } }`;
    const exact: any = await run('un-agency', query);
    const timelines = exact.data.ceasefireViolationTimeline as any[];
    expect(timelines).toHaveLength(1);
    expect(timelines[0].agreement).toMatch(/Political Agreement for Peace and Reconciliation/);
    const [truth] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(incidents)
      .where(and(eq(incidents.missionId, 'MINUSCA'), eq(incidents.localType, 'CEASEFIRE_VIOLATION'), ne(incidents.verificationStatus, 'REFUTED')));
    expect(timelines[0].months.reduce((s: number, m: any) => s + m.violations.value, 0)).toBe(truth!.n);
    const pub: any = await run('public', query);
    for (const [i, m] of (pub.data.ceasefireViolationTimeline[0].months as any[]).entries()) {
      const n = timelines[0].months[i].violations.value;
      expect(m.violations).toEqual(n < SUPPRESSION_THRESHOLD ? { value: null, suppressed: true } : { value: n, suppressed: false });
    }
  });

  test('threat assessments: level for partners in scope, rationale UN-internal', async () => {
    const query = `{ threatAssessments(filter: {missionId: "MINUSCA"}, page: {first: 500}) { nodes { id adminArea { pcode } level rationale } } }`;
    const agency: any = await run('un-agency', query);
    expect(agency.data.threatAssessments.nodes.length).toBeGreaterThan(10);
    expect(agency.data.threatAssessments.nodes.every((n: any) => n.rationale)).toBe(true);
    const ngo: any = await run('ngo-partner', query);
    const nodes = ngo.data.threatAssessments.nodes as any[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => ['CF71', 'CF43', 'CF52'].some((p) => n.adminArea.pcode.startsWith(p)) && n.level && n.rationale === null)).toBe(true);
    expect((await run('public', query)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('statement count does not grow with page size, child lists included', async () => {
    const query = `query($first: Int!) { incidents(filter: {missionId: "MINUSCA"}, page: {first: $first}) { nodes {
      id mission { id } location { precision } actors { name } casualties { total } victims { fullName } sources { reliability }
      perpetrators { confidence } verificationHistory { version } } } }`;
    // The audit flush (kit/policy/audit.ts) is one statement per request, whatever the page size.
    const count = async (first: number) => {
      const before = database.statementCount();
      const result: any = await run('mission-ops', query, { first });
      const statements = database.statementCount() - before;
      expect(result.errors).toBeUndefined();
      expect(result.data.incidents.nodes.length).toBe(Math.min(first, 420));
      return statements;
    };
    expect(await count(500)).toBe(await count(10));
  });
});
