// agreementChanged end to end (issue 18): request → approve → revoke, each an outbox row written
// by the history trigger in the change's own transaction, delivered through the gateway to the
// agreement's parties (recipient, provider's data owner) and resolved as each of them through
// agreement(id:) — an unrelated NGO receives nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';
import { subscribe, tokenFor, type TestSubscription } from '../subscription-clients';

const SELECTION = 'id provider recipientOrganizationId status version';
const AGREEMENT_CHANGED = `subscription { agreementChanged { eventId agreement { ${SELECTION} } } }`;
const REQUEST = `mutation ($input: RequestAgreementInput!) { requestAgreement(input: $input) { id } }`;
const change = (name: string) => `mutation ($input: AgreementChangeInput!) { ${name}(input: $input) { id } }`;

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(TEST_DATABASES)('agreementChanged through the gateway on $label', (kind) => {
  let t: TestStack;
  const open: TestSubscription[] = [];

  beforeAll(async () => {
    t = await startTestStack(kind);
  }, 120_000);
  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await t?.stop();
  });

  it('request → approve → revoke reach the recipient and the provider data owner, equal to agreement(id:) as them, and nothing reaches an unrelated NGO', async () => {
    const active = () => t.stack.gateway.subscriptions!.activeCount;
    const subs: Record<string, TestSubscription> = {};
    for (const [audience, transport] of [['ngo-other', 'sse'], ['mission-data-owner', 'ws'], ['ngo-partner', 'sse']] as const) {
      const before = active();
      subs[audience] = await subscribe(t.gatewayUrl, transport, await tokenFor(audience), AGREEMENT_CHANGED);
      open.push(subs[audience]);
      await until(() => active() > before);
    }

    const requested = await t.query<any>('ngo-other', REQUEST, {
      input: { clientKey: `sub-agr-${Date.now()}`, provider: 'minusca', dataClasses: ['PARTNER'], adminAreaPcodes: ['CF43'], purpose: 'Plan distributions in Ouaka.', validFrom: '2024-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(requested.body.errors).toBeUndefined();
    const id = requested.body.data.requestAgreement.id as string;
    const approved = await t.query<any>('mission-data-owner', change('approveAgreement'), { input: { clientKey: `sub-agr-approve-${id}`, id, reason: 'Pilot.' } });
    expect(approved.body.errors).toBeUndefined();
    // What each party sees right after the last change (the conformance idea): the same selection as a query.
    const revoked = await t.query<any>('mission-data-owner', change('revokeAgreement'), { input: { clientKey: `sub-agr-revoke-${id}`, id, reason: 'Pilot ended.' } });
    expect(revoked.body.errors).toBeUndefined();
    await t.stack.gateway.subscriptions!.settled();

    for (const party of ['ngo-other', 'mission-data-owner']) {
      const got = await subs[party]!.waitFor(3);
      const mine = got.map((m) => m.data!.agreementChanged.agreement).filter((a: any) => a?.id === id);
      expect(mine.map((a: any) => [a.status, a.version])).toEqual([
        ['REQUESTED', 1],
        ['ACTIVE', 2],
        ['REVOKED', 3],
      ]);
      expect(new Set(got.map((m) => Number(m.data!.agreementChanged.eventId))).size).toBe(got.length);
      const queried = await t.query<any>(party, `query ($id: ID!) { agreement(id: $id) { ${SELECTION} } }`, { id });
      expect(mine.at(-1)).toEqual(queried.body.data.agreement);
    }
    // The unrelated NGO: not a party, so every delivery resolved as it is empty — it receives nothing.
    expect(subs['ngo-partner']!.received).toHaveLength(0);
    const asStranger = await t.query<any>('ngo-partner', `query ($id: ID!) { agreement(id: $id) { id } }`, { id });
    expect(asStranger.body.data.agreement).toBeNull();
  });
});
