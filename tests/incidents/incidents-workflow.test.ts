import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { runSubgraphOperation, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildIncidentsSubgraph, createIncidentsLoaders, seedIncidents } from '@peacegraph/incidents';
import { incidents, verificationTransitions } from '../../subgraphs/incidents/src/tables';
import { identityOf, INCIDENT_TEST_DATABASES, openIncidentsTestDatabase } from '../../subgraphs/incidents/src/testing';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed incident {
  id version verificationStatus eventType disorderType fatalities adminArea { pcode } location { latitude longitude precision }
  actors { name side actorType } casualties { group outcome total } victims { fullName } perpetrators { actorName }
  verificationHistory { version fromStatus toStatus bySubject reason } } } }`;
const TRANSITION = `mutation($input: TransitionVerificationInput!) { transitionVerification(input: $input) { id version verificationStatus } }`;

function validReport(overrides: Record<string, unknown> = {}) {
  return {
    clientKey: 'test-key-0001',
    missionId: 'MINUSCA',
    eventDate: '2025-03-14',
    subEventType: 'ARMED_CLASH',
    adminAreaPcode: 'CF431',
    latitude: 5.79,
    longitude: 20.66,
    fatalities: 3,
    summary: 'Test report: clash north of Bambari.',
    actors: [
      { name: 'Retour, Réclamation et Réhabilitation (3R)', side: 1, actorType: 'REBEL_GROUP' },
      { name: 'Military Forces of the Central African Republic (FACA)', side: 2, actorType: 'STATE_FORCES' },
    ],
    casualties: [
      { group: 'COMBATANT', outcome: 'KILLED', total: 2 },
      { group: 'CIVILIAN', outcome: 'KILLED', total: 1, female: 1, male: 0 },
    ],
    victims: [{ fullName: 'Test Person', sex: 'FEMALE', age: 34, group: 'CIVILIAN', outcome: 'KILLED' }],
    perpetrators: [{ actorName: '3R', confidence: 'ALLEGED' }],
    ...overrides,
  };
}

describe.each(INCIDENT_TEST_DATABASES)('incident workflow on $label', (kind) => {
  let built: BuiltSubgraph;
  let database: Database;
  const run = (audience: string, query: string, variables: Record<string, unknown> = {}, roles: string[] = []) =>
    runSubgraphOperation(built, database, createIncidentsLoaders, identityOf(audience, roles), query, variables);
  const rowCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(incidents))[0]!.n;

  beforeAll(async () => {
    built = await buildIncidentsSubgraph();
    database = await openIncidentsTestDatabase(kind);
    await seedIncidents(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  test('reportIncident writes the incident with its records and first history step', async () => {
    const result: any = await run('mission-ops', REPORT, { input: validReport() });
    expect(result.errors).toBeUndefined();
    const { incident, replayed } = result.data.reportIncident;
    expect(replayed).toBe(false);
    expect(incident).toMatchObject({
      version: 1,
      verificationStatus: 'REPORTED',
      eventType: 'BATTLES',
      disorderType: 'POLITICAL_VIOLENCE',
      fatalities: 3,
      adminArea: { pcode: 'CF431' },
      location: { latitude: 5.79, longitude: 20.66, precision: 'EXACT' },
      victims: [{ fullName: 'Test Person' }],
      perpetrators: [{ actorName: '3R' }],
    });
    expect(incident.actors.map((a: any) => a.side)).toEqual([1, 2]);
    expect(incident.casualties).toHaveLength(2);
    expect(incident.verificationHistory).toEqual([
      { version: 1, fromStatus: null, toStatus: 'REPORTED', bySubject: 'joc.officer@minusca', reason: 'Reported.' },
    ]);
  });

  test('a retry with the same client key returns the first result and writes nothing', async () => {
    const before = await rowCount();
    const first: any = await run('mission-ops', REPORT, { input: validReport({ clientKey: 'retry-key-0001' }) });
    const second: any = await run('mission-ops', REPORT, { input: validReport({ clientKey: 'retry-key-0001' }) });
    expect(second.data.reportIncident.replayed).toBe(true);
    expect(second.data.reportIncident.incident.id).toBe(first.data.reportIncident.incident.id);
    expect(await rowCount()).toBe(before + 1);
    // the same key for different content is refused, naming the field
    const other: any = await run('mission-ops', REPORT, { input: validReport({ clientKey: 'retry-key-0001', fatalities: 4, casualties: null }) });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.clientKey' });
    expect(await rowCount()).toBe(before + 1);
  });

  test('concurrent retries with one client key create one incident', async () => {
    const before = await rowCount();
    const results: any[] = await Promise.all(
      Array.from({ length: 4 }, () => run('mission-ops', REPORT, { input: validReport({ clientKey: 'concurrent-key-01' }) })),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(new Set(results.map((r) => r.data.reportIncident.incident.id)).size).toBe(1);
    expect(await rowCount()).toBe(before + 1);
  });

  test.each([
    ['input.latitude', { latitude: 95 }],
    ['input.longitude', { longitude: 181 }],
    ['input.latitude', { latitude: -4.3 }], // Kinshasa's latitude: outside the Central African Republic
    ['input.longitude', { longitude: 29.5 }], // east of the Central African Republic
    ['input.eventDate', { eventDate: '2999-01-01' }],
    ['input.eventDate', { eventDate: '14/03/2025' }],
    ['input.fatalities', { fatalities: -1, casualties: null }],
    ['input.fatalities', { fatalities: 5 }], // the casualty counts say 3 killed
    ['input.adminAreaPcode', { adminAreaPcode: 'XX99' }],
    ['input.adminAreaPcode', { adminAreaPcode: 'CD6109' }], // DR Congo is not MINUSCA's host country
    ['input.missionId', { missionId: 'NOPE' }],
    ['input.violatedAgreement', { localType: 'CEASEFIRE_VIOLATION' }],
    ['input.timePrecision', { timePrecision: 4 }],
    ['input.actors[0].side', { actors: [{ name: 'X', side: 3, actorType: 'REBEL_GROUP' }] }],
    ['input.casualties[0].total', { casualties: [{ group: 'CIVILIAN', outcome: 'KILLED', total: 3, female: 2, male: 2 }] }],
    ['input.clientKey', { clientKey: 'short' }],
  ])('bad input names %s and writes nothing', async (field, overrides) => {
    const before = await rowCount();
    const result = await run('mission-ops', REPORT, { input: validReport({ clientKey: `bad-${field}-${JSON.stringify(overrides).length}`, ...overrides }) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await rowCount()).toBe(before);
  });

  test('an unknown taxonomy value is refused by the schema', async () => {
    const result = await run('mission-ops', REPORT, { input: validReport({ clientKey: 'taxonomy-key-01', subEventType: 'PICNIC' }) });
    expect(result.errors?.[0]?.message).toMatch(/subEventType/);
  });

  test('writes are role-gated to the mission', async () => {
    const cases: [string, string[]][] = [
      ['un-agency', []], // not the mission
      ['ngo-partner', []],
      ['public', []],
    ];
    for (const [audience, roles] of cases) {
      const result = await run(audience, REPORT, { input: validReport({ clientKey: `gate-${audience}-key` }) }, roles);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // mission staff without an operations role
    const clerk = await runSubgraphOperation(
      built,
      database,
      createIncidentsLoaders,
      { subject: 'clerk@minusca', organizationId: 'minusca', organizationType: 'mission', roles: ['mission-headquarters'] },
      REPORT,
      { input: validReport({ clientKey: 'gate-clerk-key-1' }) },
    );
    expect(clerk.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(clerk.errors?.[0]?.message).toMatch(/joint-operations-centre/);
  });

  test('verification moves only along allowed transitions, recording who, when and why', async () => {
    const reported: any = await run('mission-ops', REPORT, { input: validReport({ clientKey: 'workflow-key-01' }) });
    const id = reported.data.reportIncident.incident.id;
    const skip = await run('mission-ops', TRANSITION, { input: { incidentId: id, to: 'VERIFIED', expectedVersion: 1, reason: 'skip' } });
    expect(skip.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
    const step1: any = await run('mission-ops', TRANSITION, { input: { incidentId: id, to: 'UNDER_VERIFICATION', expectedVersion: 1, reason: 'Patrol tasked.' } });
    expect(step1.data.transitionVerification).toEqual({ id, version: 2, verificationStatus: 'UNDER_VERIFICATION' });
    const stale = await run('mission-ops', TRANSITION, { input: { incidentId: id, to: 'VERIFIED', expectedVersion: 1, reason: 'Stale read.' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });
    const step2: any = await run('mission-ops', TRANSITION, { input: { incidentId: id, to: 'REFUTED', expectedVersion: 2, reason: 'Sources contradicted.' } });
    expect(step2.data.transitionVerification.verificationStatus).toBe('REFUTED');
    const history = await database.db.select().from(verificationTransitions).where(eq(verificationTransitions.incidentId, id));
    expect(history.map((h) => [h.version, h.fromStatus, h.toStatus, h.reason])).toEqual([
      [1, null, 'REPORTED', 'Reported.'],
      [2, 'REPORTED', 'UNDER_VERIFICATION', 'Patrol tasked.'],
      [3, 'UNDER_VERIFICATION', 'REFUTED', 'Sources contradicted.'],
    ]);
    expect(history.every((h) => h.bySubject === 'joc.officer@minusca' && h.at instanceof Date)).toBe(true);
    const other = await run('un-agency', TRANSITION, { input: { incidentId: id, to: 'UNDER_VERIFICATION', expectedVersion: 3, reason: 'Reopen.' } });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('concurrent transitions from the same version: exactly one wins', async () => {
    const reported: any = await run('mission-ops', REPORT, { input: validReport({ clientKey: 'race-key-00001' }) });
    const id = reported.data.reportIncident.incident.id;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        run('mission-ops', TRANSITION, { input: { incidentId: id, to: 'UNDER_VERIFICATION', expectedVersion: 1, reason: `Racer ${i}` } }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(4);
    const [row] = await database.db.select().from(incidents).where(eq(incidents.id, id));
    expect(row).toMatchObject({ version: 2, verificationStatus: 'UNDER_VERIFICATION' });
    const history = await database.db.select().from(verificationTransitions).where(eq(verificationTransitions.incidentId, id));
    expect(history).toHaveLength(2);
  });

  test('attachSource adds a graded source, idempotently, and only the mission may', async () => {
    const ATTACH = `mutation($input: AttachSourceInput!) { attachSource(input: $input) { id sourceType sourceName reliability credibility } }`;
    const input = { clientKey: 'source-key-0001', incidentId: 'INC-MINUSCA-G00001', sourceType: 'HUMAN_SOURCE', sourceName: 'Test informant', reliability: 'B', credibility: 2, content: 'Saw the clash.' };
    const first: any = await run('mission-ops', ATTACH, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.attachSource).toMatchObject({ sourceType: 'HUMAN_SOURCE', reliability: 'B', credibility: 2 });
    const again: any = await run('mission-ops', ATTACH, { input });
    expect(again.data.attachSource.id).toBe(first.data.attachSource.id);
    const bad = await run('mission-ops', ATTACH, { input: { ...input, clientKey: 'source-key-0002', credibility: 7 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credibility' });
    const sources: any = await run('mission-ops', `{ incident(id: "INC-MINUSCA-G00001") { sources { id } } }`);
    expect(sources.data.incident.sources.filter((s: any) => s.id === first.data.attachSource.id)).toHaveLength(1);
    const foreign = await run('un-agency', ATTACH, { input: { ...input, clientKey: 'source-key-0003' } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
