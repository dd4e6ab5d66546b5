// Subscriptions in the subscriber's language (issue 20, UN working languages): the same event,
// delivered through the gateway to subscribers of one policy scope, carries each one's names in
// the language negotiated when it subscribed — Accept-Language of the SSE request, or the
// graphql-ws connection's init payload — and is never shared across languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';
import { subscribe, tokenFor, type TestSubscription, type Transport } from '../subscription-clients';

const NAMES = 'adminArea { pcode name country { name } } mission { name }';
const INCIDENT_REPORTED = `subscription { incidentReported(filter: { missionId: "MINUSCA" }) { eventId incident { id ${NAMES} } } }`;
const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`;
const namesIn = (language: string) => `adminArea { pcode name(language: ${language}) country { name(language: ${language}) } } mission { name(language: ${language}) }`;

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(TEST_DATABASES)('subscription names in the subscriber’s language on $label', (kind) => {
  let t: TestStack;
  const open: TestSubscription[] = [];
  const active = () => t.stack.gateway.subscriptions!.activeCount;

  beforeAll(async () => {
    t = await startTestStack(kind);
  }, 180_000);
  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await t?.stop();
  });

  async function sub(transport: Transport, acceptLanguage?: string): Promise<TestSubscription> {
    const before = active();
    const s = await subscribe(t.gatewayUrl, transport, await tokenFor('mission-ops'), INCIDENT_REPORTED, undefined, acceptLanguage ? { acceptLanguage } : {});
    open.push(s);
    await until(() => active() > before || s.error !== undefined);
    return s;
  }

  it('one event, one scope: French subscribers (SSE header, graphql-ws init payload) get French names, English ones English', async () => {
    const subs = {
      frSse: await sub('sse', 'fr-FR,fr;q=0.9'),
      enSse: await sub('sse', 'en'),
      noHeader: await sub('sse'),
      frWs: await sub('ws', 'fr'),
    };
    const reported = await t.query<any>('mission-ops', REPORT, {
      input: { clientKey: `sub-lang-${Date.now()}`, missionId: 'MINUSCA', eventDate: '2025-05-02', subEventType: 'ATTACK', adminAreaPcode: 'CF431', latitude: 5.79, longitude: 20.66, fatalities: 0 },
    });
    expect(reported.body.errors, reported.text).toBeUndefined();
    const id = reported.body.data.reportIncident.incident.id as string;
    await t.stack.gateway.subscriptions!.settled();

    const delivered = async (s: TestSubscription) => {
      const [message] = await s.waitFor(1);
      expect(message!.errors).toBeUndefined();
      return message!.data!.incidentReported.incident;
    };
    const asQueried = async (language: string) => {
      const res = await t.query<any>('mission-ops', `query ($id: ID!) { incident(id: $id) { id ${namesIn(language)} } }`, { id });
      expect(res.body.errors, res.text).toBeUndefined();
      return res.body.data.incident;
    };
    const [french, english] = [await asQueried('FR'), await asQueried('EN')];
    expect(french.adminArea.country.name).toBe('République Centrafricaine');
    expect(english.adminArea.country.name).toBe('Central African Republic');
    expect(french.mission.name).toMatch(/^Mission multidimensionnelle intégrée des Nations Unies/);
    expect(english.mission.name).toMatch(/^United Nations Multidimensional Integrated Stabilization Mission/);

    expect(await delivered(subs.frSse)).toEqual(french);
    expect(await delivered(subs.frWs)).toEqual(french);
    expect(await delivered(subs.enSse)).toEqual(english);
    expect(await delivered(subs.noHeader)).toEqual(english);
  });
});
