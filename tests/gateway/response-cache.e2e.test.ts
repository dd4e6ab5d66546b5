// Issue 9: the gateway's response cache never hands one policy scope's answer to another,
// follows agreement changes at once, shows a write within a second, and a hit costs the
// subgraphs nothing. Over HTTP against the running stack; in memory, and in Redis when
// REDIS_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGateway, type RunningGateway } from '@peacegraph/gateway';
import { expireAgreement } from '../../scripts/seed/agreements';
import { agreementChangeSeen } from '../agreement-change';
import { compose } from '../../scripts/compose';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { postGraphQL, tokenFor } from '../../scripts/bench/client';
import { OPERATIONS, operationOf } from '../../scripts/bench/operations';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

const STORES = [{ store: 'memory', redisUrl: undefined as string | undefined }, ...(process.env.REDIS_URL ? [{ store: 'redis', redisUrl: process.env.REDIS_URL }] : [])];
const CASES = TEST_DATABASES.flatMap((kind) => STORES.map((s) => ({ kind, label: `${kind.label} / ${s.store}`, redisUrl: s.redisUrl })));

/** The incidents in Ouaka (CF52, inside nrc-car-access) each caller may see, with their points: what differs by scope. */
const MISSION_INCIDENTS = `query AreaIncidents { adminArea(pcode: "CF52") { pcode incidents(page: { first: 100 }) { nodes { id adminArea { pcode } location { latitude longitude precision } } } } }`;

describe.each(CASES)('response cache on $label', ({ kind, redisUrl }) => {
  let stack: TestStack;
  let gateway: RunningGateway;
  let supergraphSdl: string;
  const gateways: RunningGateway[] = [];

  async function cachedGateway(ttlSeconds = 30): Promise<RunningGateway> {
    const started = await startGateway({
      supergraphSdl,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, stack.subgraphUrl(s.name)])),
      signingSecret: stack.signingSecret,
      jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: 'peacegraph-dev', audience: 'peacegraph' },
      port: 0,
      host: '127.0.0.1',
      limits: false,
      rateLimit: false,
      responseCache: { database: stack.database, ttlSeconds, redisUrl, redisKeyPrefix: `peacegraph-test:${randomUUID()}:` },
    });
    gateways.push(started);
    return started;
  }

  async function ask(audience: string, query: string, variables?: Record<string, unknown>, subject?: string, via = gateway) {
    return postGraphQL(via.url, await tokenFor(audience, TEST_JWT_SECRET, subject), { query, variables });
  }

  /** SQL statements (all subgraphs share the database) a request costs, audit flush included. */
  async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const before = stack.database.statementCount();
    const result = await run();
    await new Promise((r) => setTimeout(r, 100));
    return { result, statements: stack.database.statementCount() - before };
  }

  beforeAll(async () => {
    stack = await startTestStack(kind);
    supergraphSdl = (await compose()).supergraphSdl;
    gateway = await cachedGateway();
  }, 180_000);
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await stack?.stop();
  });

  test('ngo-partner, ngo-other and the public never receive each other’s cached incidents', async () => {
    const audiences = ['ngo-partner', 'ngo-other', 'public', 'mission-ops'];
    const first: Record<string, string> = {};
    for (const audience of audiences) {
      const answer = await ask(audience, MISSION_INCIDENTS);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-cache'), audience).toBe('MISS');
      first[audience] = JSON.stringify(answer.body);
    }
    // The scopes really differ: the partner sees (coarsened) incidents in its areas, the others none.
    expect(JSON.parse(first['ngo-partner']!).errors, first['ngo-partner']).toBeUndefined();
    const partnerNodes = JSON.parse(first['ngo-partner']!).data.adminArea.incidents.nodes as any[];
    expect(partnerNodes.length).toBeGreaterThan(0);
    expect(partnerNodes.every((n) => n.location.precision !== 'EXACT')).toBe(true);
    // Without an agreement, ngo-other is refused the list exactly like the public — yet from its own entry.
    expect(JSON.parse(first['ngo-other']!).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(first['mission-ops']).not.toBe(first['ngo-partner']);
    // Interleaved repeats: every caller gets its own entry back, never another's.
    for (const audience of [...audiences].reverse().concat(audiences)) {
      const again = await ask(audience, MISSION_INCIDENTS);
      expect(again.headers.get('x-cache'), audience).toBe('HIT');
      expect(JSON.stringify(again.body), audience).toBe(first[audience]);
    }
  });

  test('public aggregates are public and aged; identified answers are private and per person', async () => {
    const q4 = operationOf('Q4').body;
    const variables = { filter: { missionId: 'MINUSCA', fromMonth: '2024-01', toMonth: '2024-12', adminLevel: 1 } };
    const miss = await ask('public', q4, variables);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(miss.headers.get('cache-control')).toBe('public, max-age=30');
    expect(miss.headers.get('age')).toBe('0');
    await new Promise((r) => setTimeout(r, 1100));
    const hit = await ask('public', q4, variables);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(Number(hit.headers.get('age'))).toBeGreaterThanOrEqual(1);
    expect(hit.headers.get('cache-control')).toMatch(/^public, max-age=(29|28)$/);
    expect(hit.text).toBe(miss.text);

    const partner = await ask('ngo-partner', q4, variables);
    expect(partner.headers.get('cache-control')).toBe('private, no-store');
    expect(partner.headers.get('x-cache')).toBe('MISS');
    // Cleared for its areas, the partner gets exact counts the public does not.
    expect(partner.text).not.toBe(miss.text);
    // Another person of the same organisation, same agreements: own entry (the subgraphs audit per person).
    const colleague = await ask('ngo-partner', q4, variables, 'colleague@nrc');
    expect(colleague.headers.get('x-cache')).toBe('MISS');
    expect(colleague.text).toBe(partner.text);
  });

  test('a hit is the stored answer: as sent on the miss by POST, and the same through Apollo Server for GET or another Accept', async () => {
    const q1 = operationOf('Q1').body;
    const variables = { acronym: 'UNMISS' };
    const miss = await ask('ngo-other', q1, variables);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    // Answered before Apollo Server runs: byte for byte what the miss sent, same content type.
    const hit = await ask('ngo-other', q1, variables);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.text).toBe(miss.text);
    expect(hit.headers.get('content-type')).toBe(miss.headers.get('content-type'));
    expect(hit.headers.get('cache-control')).toBe('private, no-store');
    const token = await tokenFor('ngo-other', TEST_JWT_SECRET);
    // Another media type asked for: Apollo Server negotiates it and answers the same entry.
    const graphqlResponse = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q1, variables }),
    });
    expect(graphqlResponse.headers.get('x-cache')).toBe('HIT');
    expect(graphqlResponse.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await graphqlResponse.json()).toEqual(miss.body);
    // GET (through Apollo Server, with its CSRF header): the same entry.
    const url = `${gateway.url}?query=${encodeURIComponent(q1)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
    const get = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(get.headers.get('x-cache')).toBe('HIT');
    expect(await get.json()).toEqual(miss.body);
    // A mutation's document never reaches the cached path, whatever the cache holds.
    const denied = await ask('ngo-other', `mutation { reportIncident(input: { clientKey: "never-cached-1", missionId: "UNMISS", eventDate: "2025-01-01", subEventType: "ATTACK", adminAreaPcode: "SS01", latitude: 1, longitude: 1 }) { replayed } }`);
    expect(denied.headers.get('x-cache')).toBeNull();
  });

  test('a hit reaches no subgraph and, once the caller\'s agreements are cached, no SQL at all', async () => {
    const q2 = operationOf('Q2').body;
    const variables = OPERATIONS.Q2.variables({ pageSize: 20 });
    const miss = await counted(() => ask('public', q2, variables));
    expect(miss.result.headers.get('x-cache')).toBe('MISS');
    expect(miss.statements).toBeGreaterThan(1);
    const hit = await counted(() => ask('public', q2, variables));
    expect(hit.result.headers.get('x-cache')).toBe('HIT');
    expect(hit.statements).toBe(0);
    expect(hit.result.text).toBe(miss.result.text);

    const partnerMiss = await counted(() => ask('ngo-partner', q2, variables));
    const partnerHit = await counted(() => ask('ngo-partner', q2, variables));
    expect(partnerHit.result.headers.get('x-cache')).toBe('HIT');
    expect(partnerMiss.statements).toBeGreaterThan(1);
    expect(partnerHit.statements).toBe(0); // the scope of this request comes from the agreement cache

    // And it is faster: the best of five hits beats the best of five misses (fresh variables each).
    const missMs: number[] = [];
    const hitMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const v = { ...variables, top: 10 + i };
      missMs.push((await ask('public', q2, v)).ms);
      hitMs.push((await ask('public', q2, v)).ms);
    }
    expect(Math.min(...hitMs)).toBeLessThan(Math.min(...missMs));
  });

  test('expiring nrc-car-access changes the partner’s key on the very next request', async () => {
    const before = await ask('ngo-partner', MISSION_INCIDENTS);
    const cached = await ask('ngo-partner', MISSION_INCIDENTS);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    expect((before.body.data as any).adminArea.incidents.nodes.length).toBeGreaterThan(0);

    await expireAgreement(stack.database.db, 'nrc-car-access');
    await agreementChangeSeen(stack.database, 'ngo-partner', 'nrc-car-access');
    const after = await ask('ngo-partner', MISSION_INCIDENTS);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(after.text).not.toBe(before.text);
  });

  test('a reported incident is visible through the cache within one second; mutations are never cached', async () => {
    const q4 = operationOf('Q4').body;
    const variables = { filter: { missionId: 'MINUSCA', fromMonth: '2025-05', toMonth: '2025-05', adminLevel: 1 } };
    const total = (answer: Awaited<ReturnType<typeof ask>>) =>
      ((answer.body.data as any).incidentStatistics as any[]).reduce((sum, row) => sum + (row.events.value ?? 0), 0);
    const before = await ask('mission-ops', q4, variables);
    const publicBefore = await ask('public', q4, variables);
    expect((await ask('mission-ops', q4, variables)).headers.get('x-cache')).toBe('HIT');
    expect((await ask('public', q4, variables)).headers.get('x-cache')).toBe('HIT');

    const mutation = operationOf('Q5').body;
    const input = OPERATIONS.Q5.variables({ n: 1 });
    const reported = await ask('mission-ops', mutation, input);
    const reportedAt = performance.now();
    expect(reported.body.errors, reported.text).toBeUndefined();
    expect(reported.headers.get('x-cache')).toBeNull();
    expect(reported.headers.get('cache-control')).toBe('no-store');
    // The same key again is the subgraph's idempotent replay, not a cached answer.
    const replay = await ask('mission-ops', mutation, input);
    expect((replay.body.data as any).reportIncident.replayed).toBe(true);

    const after = await ask('mission-ops', q4, variables);
    expect(performance.now() - reportedAt).toBeLessThan(1000);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(total(after)).toBe(total(before) + 1);
    const publicAfter = await ask('public', q4, variables);
    expect(publicAfter.headers.get('x-cache')).toBe('MISS');
    expect(publicBefore.headers.get('x-cache')).toBe('MISS');
  });

  test('an entry does not outlive its TTL', async () => {
    const short = await cachedGateway(1);
    const q1 = operationOf('Q1').body;
    expect((await ask('public', q1, { acronym: 'MONUSCO' }, undefined, short)).headers.get('x-cache')).toBe('MISS');
    expect((await ask('public', q1, { acronym: 'MONUSCO' }, undefined, short)).headers.get('x-cache')).toBe('HIT');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await ask('public', q1, { acronym: 'MONUSCO' }, undefined, short)).headers.get('x-cache')).toBe('MISS');
  });
});
