// SSE Last-Event-ID (issue 18): on a distinct-connections stream every event carries its `id:`;
// a client that reconnects with that id in the Last-Event-ID header (as EventSource does)
// receives what it missed from the outbox, exactly once, then goes on live. A raw SSE reader,
// because graphql-sse's client does not send Last-Event-ID itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';
import { tokenFor } from '../subscription-clients';

const INCIDENT_REPORTED = `subscription { incidentReported(filter: { missionId: "MINUSCA" }) { eventId incident { id } } }`;
const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`;

interface SseMessage {
  id?: string;
  event?: string;
  data?: any;
}

/** One distinct-connections stream, parsed as the EventSource spec reads it. */
async function openStream(gatewayUrl: string, token: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(gatewayUrl.replace(/\/graphql$/, '/graphql/stream'), {
    method: 'POST',
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
    body: JSON.stringify({ query: INCIDENT_REPORTED }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const messages: SseMessage[] = [];
  let status: unknown;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'id') message.id = value;
            else if (field === 'event') message.event = value;
            else if (field === 'data' && value) message.data = JSON.parse(value);
          }
          if (message.event === 'next') messages.push(message);
        }
      }
    } catch (error) {
      status = error;
    }
  })();
  return {
    messages,
    close: () => controller.abort(),
    async waitFor(n: number): Promise<SseMessage[]> {
      const start = Date.now();
      while (messages.length < n) {
        if (Date.now() - start > 10_000) throw new Error(`expected ${n} events, got ${messages.length} (${String(status)})`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
  };
}

describe.each(TEST_DATABASES)('SSE Last-Event-ID on $label', (kind) => {
  let t: TestStack;
  let reports = 0;
  const report = async (adminAreaPcode: string) => {
    const r = await t.query<any>('mission-ops', REPORT, {
      input: { clientKey: `last-event-id-${Date.now()}-${++reports}`, missionId: 'MINUSCA', eventDate: '2025-05-02', subEventType: 'ATTACK', adminAreaPcode, latitude: 6.51, longitude: 21.91, fatalities: 0, summary: 'Shots fired near a market.' },
    });
    expect(r.body.errors).toBeUndefined();
    return r.body.data.reportIncident.incident.id as string;
  };
  const active = () => t.stack.gateway.subscriptions!.activeCount;
  const until = async (check: () => boolean) => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > 10_000) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    t = await startTestStack(kind);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('each event carries its id; reconnecting with Last-Event-ID receives what was missed exactly once, then live events', async () => {
    const token = (await tokenFor('mission-ops'))!;
    const first = await openStream(t.gatewayUrl, token);
    await until(() => active() === 1);
    const a = await report('CF521');
    await t.stack.gateway.subscriptions!.settled();
    const [seen] = await first.waitFor(1);
    expect(seen!.data.data.incidentReported.incident.id).toBe(a);
    // The SSE id is the event's id: the one a client would pass back as after:.
    expect(seen!.id).toBe(seen!.data.data.incidentReported.eventId);
    first.close();
    await until(() => active() === 0);

    const b = await report('CF521');
    const c = await report('CF71');
    const again = await openStream(t.gatewayUrl, token, seen!.id);
    await again.waitFor(2);
    const d = await report('CF521');
    await t.stack.gateway.subscriptions!.settled();
    await again.waitFor(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(again.messages.map((m) => m.data.data.incidentReported.incident.id)).toEqual([b, c, d]);
    expect(again.messages.map((m) => m.id)).toEqual(again.messages.map((m) => m.data.data.incidentReported.eventId));
    again.close();

    // A Last-Event-ID that is no event id is refused, naming the header.
    const bad = await fetch(t.gatewayUrl.replace(/\/graphql$/, '/graphql/stream'), {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}`, 'last-event-id': 'yesterday' },
      body: JSON.stringify({ query: INCIDENT_REPORTED }),
    });
    expect(await bad.text()).toMatch(/Last-Event-ID must be an event id/);
    await until(() => active() === 0);
  });
});
