// Subscriptions across gateway replicas (issue 18): two gateways as their own processes on
// PostgreSQL, in front of the same subgraphs. Writes through a third gateway reach subscribers
// of either; kill -9 of the one a client streams from, and a reconnect to the other with the
// last event id, loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlOf, TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';
import { freePort, spawnScript, type ChildService } from '../process-harness';
import { subscribe, tokenFor } from '../subscription-clients';

const postgresKind = TEST_DATABASES.find((k) => k.label === 'postgres');
const SELECTION = `subscription ($after: ID) { incidentReported(filter: { missionId: "MINUSCA" }, after: $after) { eventId incident { id location { precision } } } }`;
const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`;

describe.skipIf(!postgresKind)('subscriptions across gateway replicas on PostgreSQL', () => {
  let t: TestStack;
  const replicas: { service: ChildService; url: string }[] = [];
  let n = 0;
  const report = async () => {
    const r = await t.query<any>('mission-ops', REPORT, {
      input: { clientKey: `replica-${Date.now()}-${++n}`, missionId: 'MINUSCA', eventDate: '2025-05-02', subEventType: 'ATTACK', adminAreaPcode: 'CF521', latitude: 6.5, longitude: 21.9, fatalities: 0 },
    });
    expect(r.body.errors).toBeUndefined();
    return r.body.data.reportIncident.incident.id as string;
  };

  beforeAll(async () => {
    t = await startTestStack(postgresKind!);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const service = spawnScript('scripts/services/gateway.ts', {
        GATEWAY_PORT: String(port),
        GATEWAY_HOST: '127.0.0.1',
        DATABASE_URL: postgresUrlOf(t.database),
        GATEWAY_SIGNING_SECRET: t.signingSecret,
        JWT_SECRET: TEST_JWT_SECRET,
        ...Object.fromEntries(t.stack.subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, s.url])),
      });
      replicas.push({ service, url: `http://127.0.0.1:${port}/graphql` });
    }
    await Promise.all(replicas.map((r) => r.service.waitFor(/gateway listening/, 90_000)));
  }, 180_000);

  afterAll(async () => {
    for (const r of replicas) if (r.service.child.exitCode === null) r.service.child.kill('SIGKILL');
    await t?.stop();
  });

  it('a client of a killed replica reconnects to another with its last id and misses nothing', async () => {
    const token = await tokenFor('ngo-partner');
    const first = await subscribe(replicas[0]!.url, 'sse', token, SELECTION);
    const second = await subscribe(replicas[1]!.url, 'ws', token, SELECTION);
    await new Promise((r) => setTimeout(r, 1000)); // both subscribed (other processes: no counter to watch)
    const a = await report(); // written through a third gateway
    const [seenOnFirst] = await first.waitFor(1, 20_000);
    await second.waitFor(1, 20_000);
    expect(seenOnFirst!.data!.incidentReported.incident).toEqual({ id: a, location: { precision: 'ADMIN_AREA_CENTROID' } });
    const lastId = seenOnFirst!.data!.incidentReported.eventId;

    replicas[0]!.service.child.kill('SIGKILL');
    await replicas[0]!.service.exited;
    const b = await report();
    const c = await report();
    await first.ended; // its stream broke with the process
    first.close();

    const resumed = await subscribe(replicas[1]!.url, 'sse', token, SELECTION, { after: lastId });
    await resumed.waitFor(2, 20_000);
    const d = await report();
    await resumed.waitFor(3, 20_000);
    await second.waitFor(4, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(resumed.received.map((m) => m.data!.incidentReported.incident.id)).toEqual([b, c, d]);
    expect(second.received.map((m) => m.data!.incidentReported.incident.id)).toEqual([a, b, c, d]);
    resumed.close();
    second.close();
  }, 120_000);
});
