// Issue 15 item 4: every read of a restricted class is in the audit log, whatever served it —
// the subgraphs, the gateway's response cache, or a read that joined an identical one in
// flight (shared reads) — and the audit log itself is never served from the cache.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '@peacegraph/gateway';
import { AUDIT_EXTENSION, AUDIT_FACTS_HEADER, signIdentity } from '@peacegraph/kit';
import { demoIdentity } from '@peacegraph/reference';
import { compose } from '../../scripts/compose';
import { postGraphQL, tokenFor } from '../../scripts/bench/client';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';
import { startFaultProxy } from '../process-harness';

const VICTIM_NAMES = `query VictimNames { incidents(page: { first: 10 }) { nodes { id victims { fullName } } } }`;
const AUDIT_LOG = `query AuditLog { auditEvents(page: { first: 100 }, filter: { dataClass: "VICTIM_IDENTITY" }) { nodes { subject field decision } } }`;

for (const kind of TEST_DATABASES) {
  describe(`audit completeness (${kind.label})`, () => {
    let t: TestStack;
    let supergraphSdl: string;
    const gateways: RunningGateway[] = [];

    beforeAll(async () => {
      t = await startTestStack(kind);
      supergraphSdl = (await compose()).supergraphSdl;
    }, 180_000);
    afterAll(async () => {
      for (const g of gateways) await g.stop();
      await t?.stop();
    });

    async function cachedGateway(shareAcrossSubjects = false, urls: Record<string, string> = {}): Promise<RunningGateway> {
      const gateway = await startGateway({
        supergraphSdl,
        subgraphUrls: { ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, t.subgraphUrl(s.name)])), ...urls },
        signingSecret: t.signingSecret,
        jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: 'peacegraph-dev', audience: 'peacegraph' },
        port: 0,
        host: '127.0.0.1',
        limits: false,
        rateLimit: false,
        responseCache: { database: t.database, ttlSeconds: 60, shareAcrossSubjects },
      });
      gateways.push(gateway);
      return gateway;
    }

    async function ask(gateway: RunningGateway, audience: string, subject: string | undefined, query: string, variables?: Record<string, unknown>) {
      return postGraphQL(gateway.url, await tokenFor(audience, TEST_JWT_SECRET, subject), { query, variables });
    }

    /** Ground truth from the table: this person's logged reads of victim names, one row per read. */
    async function victimNameReads(subject: string): Promise<{ entityIds: string[] }[]> {
      const result = await t.database.db.execute(sql`
        select entity_ids as "entityIds" from policy.audit_events
        where subject = ${subject} and data_class = 'VICTIM_IDENTITY' and field = 'fullName' and decision = 'GRANTED' order by id`);
      return (result as unknown as { rows?: { entityIds: string[] }[] }).rows ?? (result as unknown as { entityIds: string[] }[]);
    }

    /** The ids of the victims whose names an answer shows. */
    function victimsShown(body: { data?: { incidents: { nodes: { victims: { fullName: string }[] | null }[] } } | null }): number {
      return body.data!.incidents.nodes.reduce((n, i) => n + (i.victims?.filter((v) => v.fullName).length ?? 0), 0);
    }

    it('N reads of victim names by one person through the cached gateway are N audit events', async () => {
      const gateway = await cachedGateway();
      const subject = `analyst-${randomUUID()}@minusca`;
      const N = 4;
      const answers = [];
      for (let i = 0; i < N; i++) answers.push(await ask(gateway, 'mission-ops', subject, VICTIM_NAMES));
      expect(answers[0]!.body.errors).toBeUndefined();
      expect(victimsShown(answers[0]!.body as never)).toBeGreaterThan(0);
      expect(answers.map((a) => a.headers.get('x-cache'))).toEqual(['MISS', 'HIT', 'HIT', 'HIT']);
      for (const a of answers) expect(a.text).toBe(answers[0]!.text);
      const reads = await victimNameReads(subject);
      expect(reads.length).toBe(N);
      // Each hit logs the same victims the first read disclosed.
      for (const r of reads) expect(r.entityIds).toEqual(reads[0]!.entityIds);
      expect(reads[0]!.entityIds.length).toBeGreaterThan(0);
      // The facts travel between subgraph and gateway only: no client ever sees them.
      for (const a of answers) expect(a.text).not.toMatch(/peacegraphAudit|"extensions"/);
    });

    it('subgraphs send audit facts only to a caller that asks (our gateway), never to others such as Hive Gateway', async () => {
      const body = JSON.stringify({ query: VICTIM_NAMES });
      const identity = { ...demoIdentity('mission-ops'), subject: `direct-${randomUUID()}@minusca` };
      const call = async (extra: Record<string, string>) => {
        const headers = { 'content-type': 'application/json', ...signIdentity(t.signingSecret, identity, body, { subgraph: 'incidents' }), ...extra };
        return (await fetch(t.subgraphUrl('incidents'), { method: 'POST', headers, body })).text();
      };
      expect(await call({})).not.toMatch(/peacegraphAudit/);
      const asked = JSON.parse(await call({ [AUDIT_FACTS_HEADER]: '1' })) as { extensions?: Record<string, { dataClass: string; subject?: string }[]> };
      const facts = asked.extensions?.[AUDIT_EXTENSION] ?? [];
      expect(facts.some((f) => f.dataClass === 'VICTIM_IDENTITY')).toBe(true);
      // Facts, not people: who read them is the gateway's caller, written on each hit.
      expect(facts.every((f) => f.subject === undefined)).toBe(true);
    });

    it('an entry shared across people of one organisation logs each of them', async () => {
      const gateway = await cachedGateway(true);
      const first = `first-${randomUUID()}@minusca`;
      const second = `second-${randomUUID()}@minusca`;
      const a = await ask(gateway, 'mission-ops', first, VICTIM_NAMES);
      const b = await ask(gateway, 'mission-ops', second, VICTIM_NAMES);
      expect(a.headers.get('x-cache')).toBe('MISS');
      expect(b.headers.get('x-cache')).toBe('HIT');
      expect((await victimNameReads(first)).length).toBe(1);
      expect((await victimNameReads(second)).length).toBe(1);
    });

    it('a hit through Apollo Server (GET) is logged too', async () => {
      const gateway = await cachedGateway();
      const subject = `getter-${randomUUID()}@minusca`;
      const token = await tokenFor('mission-ops', TEST_JWT_SECRET, subject);
      const get = () => fetch(`${gateway.url}?query=${encodeURIComponent(VICTIM_NAMES)}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
      const miss = await get();
      const hit = await get();
      expect(miss.headers.get('x-cache')).toBe('MISS');
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(await hit.text()).not.toMatch(/peacegraphAudit/);
      expect((await victimNameReads(subject)).length).toBe(2);
    });

    it('auditEvents is never cached: oversight sees a read logged a moment ago', async () => {
      const gateway = await cachedGateway(true);
      const reader = `reader-${randomUUID()}@minusca`;
      await ask(gateway, 'mission-ops', reader, VICTIM_NAMES);
      const count = (r: Awaited<ReturnType<typeof ask>>) =>
        (r.body.data as { auditEvents: { nodes: { subject: string; field: string }[] } }).auditEvents.nodes.filter((e) => e.subject === reader && e.field === 'fullName').length;
      const before = await ask(gateway, 'oversight', undefined, AUDIT_LOG);
      expect(before.body.errors).toBeUndefined();
      expect(count(before)).toBe(1);
      await ask(gateway, 'mission-ops', reader, VICTIM_NAMES); // a cache hit, logged by the gateway
      const after = await ask(gateway, 'oversight', undefined, AUDIT_LOG);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect(after.headers.get('cache-control')).toBe('no-store');
      expect(count(after)).toBe(2);
    });

    it('N identical reads in flight at once (shared reads on) are N audit events', async () => {
      // Requests held back together in front of the subgraph reach it at the same moment: they
      // are in flight together, so all but the first join it (shared-reads.ts).
      const held = await startFaultProxy(t.subgraphUrl('incidents'));
      held.delayMs = 300;
      try {
        const gateway = await cachedGateway(false, { incidents: held.url });
        const incidents = t.stack.subgraphs.find((s) => s.name === 'incidents')!;
        const subject = `concurrent-${randomUUID()}@minusca`;
        const N = 6;
        const joinedBefore = incidents.sharedReads().joined;
        // Warm: the gateway's query plan and the caller's agreements are cached, as in steady state.
        await ask(gateway, 'mission-ops', `warm-${randomUUID()}@minusca`, VICTIM_NAMES);
        const answers = await Promise.all(Array.from({ length: N }, () => ask(gateway, 'mission-ops', subject, VICTIM_NAMES)));
        // On PostgreSQL some of them really joined one in flight (otherwise this proves nothing);
        // PGlite answers within one turn of the event loop, so nothing is ever in flight to join.
        if (kind.label === 'postgres') expect(incidents.sharedReads().joined).toBeGreaterThan(joinedBefore);
        for (const a of answers) expect(a.body.errors).toBeUndefined();
        expect(answers.every((a) => a.headers.get('x-cache') === 'MISS')).toBe(true);
        expect((await victimNameReads(subject)).length).toBe(N);
      } finally {
        await held.close();
      }
    });
  });
}
