// Issue 5 through the gateway over HTTP: the restricted classes of incident records reach
// only the audiences cleared for them, and the cross-subgraph extensions work.
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { incidents, sourceReports, victims } from '../../subgraphs/incidents/src/tables';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

describe.each(TEST_DATABASES)('incidents through the gateway on $label', (kind) => {
  let stack: TestStack;
  let target: { id: string; victimName: string; sourceName: string };

  beforeAll(async () => {
    stack = await startTestStack(kind);
    const [row] = await stack.database.db
      .select({ id: incidents.id, victimName: victims.fullName, sourceName: sourceReports.sourceName })
      .from(incidents)
      .innerJoin(victims, eq(victims.incidentId, incidents.id))
      .innerJoin(sourceReports, eq(sourceReports.incidentId, incidents.id))
      .where(like(incidents.adminAreaPcode, 'CF43%'))
      .limit(1);
    target = row!;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test('a mission query joins missions and incidents; an area-limited partner gets its areas’ incidents, through Mission or AdminArea', async () => {
    const query = `{ mission(id: "MINUSCA") { id name incidents(page: {first: 50}) { nodes { id adminArea { pcode name } location { precision } } } } }`;
    const ops = await stack.query<any>('mission-ops', query);
    expect(ops.status).toBe(200);
    expect(ops.body.errors).toBeUndefined();
    expect(ops.body.data.mission.incidents.nodes).toHaveLength(50);
    expect(ops.body.data.mission.incidents.nodes[0].adminArea.name).toBeTruthy(); // resolved by the missions subgraph
    expect(ops.body.data.mission.incidents.nodes.every((n: any) => n.location.precision === 'EXACT')).toBe(true);
    // NRC's agreement covers three areas of MINUSCA: the mission's incidents are those areas', coarsened.
    const partner = await stack.query<any>('ngo-partner', query);
    expect(partner.body.errors).toBeUndefined();
    const inAreas = partner.body.data.mission.incidents.nodes as any[];
    expect(inAreas.length).toBeGreaterThan(0);
    expect(inAreas.every((n) => ['CF71', 'CF43', 'CF52'].some((p) => n.adminArea.pcode.startsWith(p)) && n.location.precision === 'ADMIN_AREA_CENTROID')).toBe(true);
    const areas = await stack.query<any>('ngo-partner', `{ adminAreas(countryIso3: "CAF") { pcode incidents(page: {first: 20}) { nodes { id adminAreaPcode location { precision } } } } }`);
    const nodes = (areas.body.data.adminAreas as any[]).flatMap((a) => a.incidents.nodes);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => ['CF71', 'CF43', 'CF52'].some((p) => n.adminAreaPcode.startsWith(p)) && n.location.precision === 'ADMIN_AREA_CENTROID')).toBe(true);
  });

  test.each(['un-agency', 'ngo-partner', 'ngo-other', 'donor', 'oversight', 'public'])('%s never receives victim or source identities', async (audience) => {
    const result = await stack.query<any>(audience, `query($id: ID!) { incident(id: $id) { id victims { fullName } sources { sourceName reliability } } }`, { id: target.id });
    expect(result.text).not.toContain(target.victimName);
    expect(result.text).not.toContain(target.sourceName);
    const codes = (result.body.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'FORBIDDEN')).toBe(true);
  });

  test('the mission’s operations centre receives them', async () => {
    const result = await stack.query<any>('mission-ops', `query($id: ID!) { incident(id: $id) { id victims { fullName } sources { sourceName } } }`, { id: target.id });
    expect(result.body.errors).toBeUndefined();
    expect(result.text).toContain(target.victimName);
    expect(result.text).toContain(target.sourceName);
  });

  test('the public dashboard tier gets suppressed aggregates, never rows', async () => {
    const stats = await stack.query<any>('public', `{ incidentStatistics(filter: {missionId: "MINUSCA"}) { adminArea { pcode name } month eventType events { value suppressed } } }`);
    expect(stats.body.errors).toBeUndefined();
    const cells = stats.body.data.incidentStatistics as any[];
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.some((c) => c.events.suppressed)).toBe(true);
    expect(cells.every((c) => c.events.suppressed ? c.events.value === null : c.events.value === 0 || c.events.value >= 5)).toBe(true);
    const rows = await stack.query<any>('public', `{ incidents { nodes { id } } }`);
    expect(rows.body.data?.incidents ?? null).toBeNull();
    expect(rows.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('reportIncident through the gateway is idempotent and role-gated', async () => {
    const mutation = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed incident { id verificationStatus } } }`;
    const input = {
      clientKey: 'e2e-report-key-1',
      missionId: 'MINUSCA',
      eventDate: '2025-05-02',
      subEventType: 'ATTACK',
      adminAreaPcode: 'CF521',
      latitude: 6.55,
      longitude: 21.98,
      fatalities: 0,
    };
    const first = await stack.query<any>('mission-ops', mutation, { input });
    expect(first.body.errors).toBeUndefined();
    const again = await stack.query<any>('mission-ops', mutation, { input });
    expect(again.body.data.reportIncident).toEqual({ replayed: true, incident: first.body.data.reportIncident.incident });
    const ngo = await stack.query<any>('ngo-partner', mutation, { input: { ...input, clientKey: 'e2e-report-key-2' } });
    expect(ngo.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
