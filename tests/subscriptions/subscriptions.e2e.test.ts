// Subscriptions end to end (issue 18): real graphql-sse and graphql-ws clients against the real
// stack over HTTP; events from the outbox; each delivery resolved with the subscriber's identity.
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { auditEvents } from '@peacegraph/kit';
import { TEST_DATABASES } from '../databases';
import { DEFAULT_LIMITS } from '@peacegraph/gateway';
import { startTestStack, type TestStack } from '../harness';
import { startHardenedGateway } from '../process-harness';
import { subscribe, tokenFor, type TestSubscription, type Transport } from '../subscription-clients';

const INCIDENT_SELECTION = `id eventType adminAreaPcode location { latitude longitude precision } victims { fullName } summary`;
const INCIDENT_REPORTED = `subscription ($after: ID) { incidentReported(filter: { missionId: "MINUSCA" }, after: $after) { eventId incident { ${INCIDENT_SELECTION} } } }`;
const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`;

let reports = 0;
function report(t: TestStack, adminAreaPcode: string, latitude: number, longitude: number) {
  return t
    .query<any>('mission-ops', REPORT, {
      input: {
        clientKey: `sub-e2e-${Date.now()}-${++reports}`,
        missionId: 'MINUSCA',
        eventDate: '2025-05-02',
        subEventType: 'ATTACK',
        adminAreaPcode,
        latitude,
        longitude,
        fatalities: 1,
        summary: 'Armed men attacked a market.',
        victims: [{ fullName: 'Jean Example', sex: 'MALE', group: 'CIVILIAN', outcome: 'KILLED' }],
      },
    })
    .then((r) => {
      expect(r.body.errors).toBeUndefined();
      return r.body.data.reportIncident.incident.id as string;
    });
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(TEST_DATABASES)('subscriptions through the gateway on $label', (kind) => {
  let t: TestStack;
  const open: TestSubscription[] = [];
  const active = () => t.stack.gateway.subscriptions!.activeCount;
  const settled = () => t.stack.gateway.subscriptions!.settled();
  async function sub(transport: Transport, audience: string, query: string, variables?: Record<string, unknown>, token?: string) {
    const before = active();
    const s = await subscribe(t.gatewayUrl, transport, token ?? (await tokenFor(audience)), query, variables);
    open.push(s);
    await until(() => active() > before || s.received.length > 0 || s.error !== undefined);
    return s;
  }

  beforeAll(async () => {
    // A small queue bound, so the slow-consumer test fills it quickly.
    t = await startTestStack(kind, { subscriptionLimits: { maxQueued: 10, maxPerCaller: 12 } });
  }, 120_000);
  afterEach(async () => {
    for (const s of open.splice(0)) s.close();
    await until(() => active() === 0);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('an incident reaches mission-ops exact, ngo-partner coarsened without identities, nobody else — over SSE (both modes) and WebSocket — and equals the same query', async () => {
    const audiences = ['mission-ops', 'ngo-partner', 'ngo-other', 'donor', 'public', 'un-agency'];
    const transports: Transport[] = ['sse', 'sse-single', 'ws'];
    const subs = new Map<string, TestSubscription>();
    for (const audience of audiences) for (const transport of transports) subs.set(`${audience}/${transport}`, await sub(transport, audience, INCIDENT_REPORTED));
    // CF521 is inside ngo-partner's agreed areas (CF52), outside ngo-other's (CF71).
    const id = await report(t, 'CF521', 6.5512, 21.9843);
    await settled();
    for (const transport of transports) {
      const [ops] = await subs.get(`mission-ops/${transport}`)!.waitFor(1);
      expect(ops!.errors).toBeUndefined();
      expect(ops!.data!.incidentReported.incident).toMatchObject({ id, location: { latitude: 6.5512, longitude: 21.9843, precision: 'EXACT' }, victims: [{ fullName: 'Jean Example' }] });
      expect(ops!.data!.incidentReported.eventId).toMatch(/^\d+$/);
      const [ngo] = await subs.get(`ngo-partner/${transport}`)!.waitFor(1);
      const incident = ngo!.data!.incidentReported.incident;
      expect(incident.id).toBe(id);
      expect(incident.location.precision).toBe('ADMIN_AREA_CENTROID');
      expect(incident.location.latitude).not.toBe(6.5512);
      expect(incident.victims).toBeNull();
      expect(JSON.stringify(ngo)).not.toContain('Jean Example');
      const [un] = await subs.get(`un-agency/${transport}`)!.waitFor(1);
      expect(un!.data!.incidentReported.incident.location.precision).toBe('EXACT');
      expect(un!.data!.incidentReported.incident.victims).toBeNull();
    }
    // Conformance: each audience got what the same selection as a query returns now.
    for (const audience of audiences) {
      const asQuery = await t.query<any>(audience, `query ($id: ID!) { incident(id: $id) { ${INCIDENT_SELECTION} } }`, { id });
      for (const transport of transports) {
        const got = subs.get(`${audience}/${transport}`)!.received;
        if (asQuery.body.data?.incident) {
          expect(got).toHaveLength(1);
          expect(got[0]!.data!.incidentReported.incident).toEqual(asQuery.body.data.incident);
          expect((got[0]!.errors ?? []).map((e) => e.extensions?.code)).toEqual((asQuery.body.errors ?? []).map((e) => e.extensions?.code));
        } else {
          expect(got, `${audience}/${transport} must receive nothing`).toHaveLength(0);
        }
      }
    }
    expect(subs.get('ngo-other/sse')!.received).toHaveLength(0);
    expect(subs.get('public/ws')!.received).toHaveLength(0);
    expect(subs.get('donor/sse-single')!.received).toHaveLength(0);
    for (const s of subs.values()) s.close();
  });

  it('subscribers of one scope and selection share one resolution, and each is audited under their own name', async () => {
    const a = await sub('sse', 'ngo-partner', INCIDENT_REPORTED, undefined, await tokenFor('ngo-partner', { subject: 'nrc-officer-a' }));
    const b = await sub('sse', 'ngo-partner', INCIDENT_REPORTED, undefined, await tokenFor('ngo-partner', { subject: 'nrc-officer-b' }));
    const id = await report(t, 'CF521', 6.5, 21.9);
    await settled();
    await a.waitFor(1);
    await b.waitFor(1);
    expect(b.received[0]).toEqual(a.received[0]);
    const rows = await t.database.db.select().from(auditEvents).where(and(like(auditEvents.operationName, 'SubscriptionDelivery_%'), eq(auditEvents.entityType, 'Incident')));
    const forIncident = rows.filter((r) => r.entityIds?.includes(id));
    const subjects = new Set(forIncident.map((r) => r.subject));
    expect(subjects).toEqual(new Set(['nrc-officer-a', 'nrc-officer-b']));
    // The same decisions for both (one execution): same class, field and outcome per subject.
    const decisionsOf = (s: string) => forIncident.filter((r) => r.subject === s).map((r) => `${r.dataClass}/${r.field}/${r.decision}`).sort();
    expect(decisionsOf('nrc-officer-a')).toEqual(decisionsOf('nrc-officer-b'));
    expect(decisionsOf('nrc-officer-a').length).toBeGreaterThan(0);
    a.close();
    b.close();
  });

  it('escort decisions reach the requester (and nobody outside it)', async () => {
    const ESCORTS = `subscription { escortRequestChanged { eventId escortRequest { id status declineReason } } }`;
    const nrc = await sub('sse', 'ngo-partner', ESCORTS);
    const caritas = await sub('ws', 'ngo-other', ESCORTS);
    const created = await t.query<any>('ngo-partner', `mutation ($input: EscortRequestInput!) { saveEscortRequest(input: $input) { id } }`, {
      input: {
        clientKey: `escort-sub-${Date.now()}`,
        missionId: 'MINUSCA',
        requestedDate: '2030-05-04',
        purpose: 'Food distribution convoy to Bambari',
        route: [
          { adminAreaPcode: 'CF71', name: 'Bangui warehouse', latitude: 4.3612, longitude: 18.5551 },
          { adminAreaPcode: 'CF431', name: 'Bambari distribution site', latitude: 5.7631, longitude: 20.6712 },
        ],
      },
    });
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.saveEscortRequest.id;
    const decided = await t.query<any>('mission-ops', `mutation ($id: ID!) { decideEscortRequest(id: $id, decision: APPROVE, clientKey: "sub-approve") { status } }`, { id });
    expect(decided.body.errors).toBeUndefined();
    await settled();
    const got = await nrc.waitFor(2);
    expect(got.map((m) => m.data!.escortRequestChanged.escortRequest)).toEqual([
      { id, status: 'REQUESTED', declineReason: null },
      { id, status: 'APPROVED', declineReason: null },
    ]);
    expect(caritas.received).toHaveLength(0);
    nrc.close();
    caritas.close();
  });

  it('an expired token ends the stream with a clear reason', async () => {
    for (const transport of ['sse', 'ws'] as const) {
      const s = await sub(transport, 'mission-ops', INCIDENT_REPORTED, undefined, await tokenFor('mission-ops', { expiresInSeconds: 2 }));
      await s.ended;
      const last = s.received.at(-1);
      expect(last?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(last?.errors?.[0]?.message).toMatch(/Token expired/);
    }
  }, 20_000);

  it('reconnecting with the last id replays the missed events exactly once, then goes on live', async () => {
    const first = await sub('sse', 'ngo-partner', INCIDENT_REPORTED);
    const a = await report(t, 'CF521', 6.51, 21.91);
    await settled();
    const [seen] = await first.waitFor(1);
    const lastId = seen!.data!.incidentReported.eventId;
    first.close();
    await until(() => active() === 0);
    const b = await report(t, 'CF521', 6.52, 21.92);
    const c = await report(t, 'CF71', 4.36, 18.55);
    const again = await sub('ws', 'ngo-partner', INCIDENT_REPORTED, { after: lastId });
    await again.waitFor(2);
    const d = await report(t, 'CF521', 6.53, 21.93);
    await settled();
    await again.waitFor(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.received.map((m) => m.data!.incidentReported.incident.id)).toEqual([b, c, d]);
    expect(a).not.toBe(b);
    again.close();
  });

  it('refuses what /graphql refuses: a bad token, an unknown field, queries, and too many subscriptions per caller', async () => {
    const stream = t.gatewayUrl.replace(/\/graphql$/, '/graphql/stream');
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(stream, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, body: JSON.stringify(body) });
    const bad = await post({ query: INCIDENT_REPORTED }, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(401);
    expect((await bad.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await post({ query: 'subscription { incidentReported { nope } }' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors[0].message).toMatch(/nope/);
    const query = await post({ query: '{ missions { id } }' });
    expect(query.status).toBe(400);
    expect((await query.json()).errors[0].message).toMatch(/subscription operation/);
  });

  it('operation limits and the trusted-operations rule apply to subscription documents', async () => {
    const hardened = await startHardenedGateway(t, { limits: DEFAULT_LIMITS, subscriptions: { database: t.database } });
    const trusted = await startHardenedGateway(t, { trustedOperationsOnly: true, subscriptions: { database: t.database } });
    try {
      const send = (gateway: string, query: string) =>
        fetch(gateway.replace(/\/graphql$/, '/graphql/stream'), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query }) });
      const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
      const tooMany = await send(hardened.url, `subscription { incidentReported { incident { ${aliases} } } }`);
      expect(tooMany.status).toBe(400);
      expect(JSON.stringify(await tooMany.json())).toMatch(/alias/i);
      const costly = await send(hardened.url, `subscription { incidentReported { incident { mission { incidents(page: { first: 500 }) { nodes { mission { incidents(page: { first: 500 }) { nodes { id } } } } } } } } }`);
      expect(costly.status).toBe(400);
      expect(JSON.stringify(await costly.json())).toMatch(/cost limit/i);
      const untrusted = await send(trusted.url, INCIDENT_REPORTED);
      expect(untrusted.status).toBe(403);
      expect((await untrusted.json()).errors[0].extensions.code).toBe('OPERATION_NOT_TRUSTED');
    } finally {
      await hardened.stop();
      await trusted.stop();
    }
  });

  it('access constraints reach the partners in scope, and too many subscriptions per caller are refused', async () => {
    const ACCESS = `subscription { accessConstraintReported(filter: { adminAreaPcodes: ["CF52"] }) { eventId accessConstraint { id constraintType location { precision } } } }`;
    const nrc = await sub('sse', 'ngo-partner', ACCESS);
    const caritas = await sub('sse', 'ngo-other', ACCESS);
    // A PCode variable is read in capitals before the filter picks events: 'cf52' is CF52.
    const lowerCase = await sub('sse', 'ngo-partner', 'subscription ($filter: AccessConstraintEventFilter) { accessConstraintReported(filter: $filter) { accessConstraint { id } } }', { filter: { adminAreaPcodes: ['cf52'] } });
    // No write path in the graph yet: an import writes the row; the trigger emits the event all the same.
    await t.database.exec(`insert into humanitarian.access_constraints (id, constraint_type, admin_area_pcode, admin1_pcode, admin_level, country_iso3, mission_id, occurred_on, impact, description, reporting_organization_id, source, latitude, longitude)
      values ('AC-SUB-1', 'RESTRICTION_OF_MOVEMENT', 'CF521', 'CF52', 2, 'CAF', 'MINUSCA', '2025-05-02', 'MODERATE', 'Checkpoint on the Bria road.', 'ocha', 'test import', 6.5, 21.9)`);
    await settled();
    const [got] = await nrc.waitFor(1);
    expect(got!.data!.accessConstraintReported.accessConstraint).toEqual({ id: 'AC-SUB-1', constraintType: 'RESTRICTION_OF_MOVEMENT', location: { precision: 'ADMIN_AREA_CENTROID' } });
    expect(caritas.received).toHaveLength(0);
    const [fromLowerCase] = await lowerCase.waitFor(1);
    expect(fromLowerCase!.data!.accessConstraintReported.accessConstraint).toEqual({ id: 'AC-SUB-1' });
    const token = await tokenFor('donor');
    for (let i = 0; i < 12; i++) await sub('sse', 'donor', ACCESS, undefined, token);
    const stream = t.gatewayUrl.replace(/\/graphql$/, '/graphql/stream');
    const over = await fetch(stream, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: ACCESS }) });
    expect(over.status).toBe(429);
    expect((await over.json()).errors[0].extensions).toMatchObject({ code: 'SUBSCRIPTION_LIMIT', limit: 'maxPerCaller', max: 12 });
  });

  it('a slow consumer is dropped with a reason while the others keep receiving', async () => {
    // About 80 kB per event: the socket buffers fill after a few dozen events the client does not read.
    const wide = Array.from({ length: 2000 }, (_, i) => `s${i}: summary`).join(' ');
    const token = (await tokenFor('mission-ops'))!;
    const slow = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      const req = httpRequest(t.gatewayUrl.replace(/\/graphql$/, '/graphql/stream'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      }, (res) => {
        res.pause();
        resolve(res);
      });
      req.end(JSON.stringify({ query: `subscription { incidentReported { eventId incident { id ${wide} } } }` }));
    });
    const steady = await sub('sse', 'mission-ops', INCIDENT_REPORTED);
    await until(() => active() === 2);
    const ids: string[] = [];
    for (let i = 0; i < 80 && active() === 2; i++) {
      ids.push(await report(t, 'CF521', 6.5, 21.9));
      await settled();
    }
    await until(() => active() === 1, 20_000);
    // The slow client, read at last: its events, then the reason it was dropped.
    slow.resume();
    let text = '';
    for await (const chunk of slow) text += chunk;
    expect(text).toContain('SLOW_CONSUMER');
    const next = await report(t, 'CF521', 6.5, 21.9);
    await settled();
    await steady.waitFor(ids.length + 1).catch((e) => {
      throw new Error(`steady got ${steady.received.length} of ${ids.length + 1}; last ${JSON.stringify(steady.received.at(-1)).slice(0, 300)}; ${String(e).slice(0, 100)}`);
    });
    expect(steady.received.map((m) => m.data!.incidentReported.incident.id)).toEqual([...ids, next]);
  }, 90_000);
});
