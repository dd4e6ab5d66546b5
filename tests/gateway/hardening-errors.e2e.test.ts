// Issue 15 items 7 and 8 over HTTP: a caller's mistake is a 400 / BAD_USER_INPUT naming the
// problem, never a 500 or 502 — impossible calendar dates wherever a date is accepted, an
// out-of-range integer in an export filter, an unknown operationName, an unnamed choice among
// several operations — and no cheap document keeps the gateway busy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import type { RunningGateway } from '@peacegraph/gateway';
import { startTestStack, type TestStack } from '../harness';
import { startHardenedGateway } from '../process-harness';

const IMPOSSIBLE_DATES = ['2025-02-30', '2025-13-45', '2025-04-31'];

/** Every argument that takes a date, as a caller would send it (audience, document, variables, the field named). */
const DATE_ARGUMENTS: [audience: string, query: string, variables: (d: string) => Record<string, unknown>, field: string][] = [
  // Typed as Date: the gateway's coercion of the variable refuses them, naming its path.
  ['mission-ops', 'query Q($filter: IncidentFilterInput) { incidents(filter: $filter) { nodes { id } } }', (d) => ({ filter: { fromDate: d } }), 'filter.fromDate'],
  ['mission-ops', 'query Q($filter: IncidentFilterInput) { incidents(filter: $filter) { nodes { id } } }', (d) => ({ filter: { toDate: d } }), 'filter.toDate'],
  ['public', 'query Q($filter: MissionFilterInput) { missions(filter: $filter) { nodes { id } } }', (d) => ({ filter: { activeOn: d } }), 'filter.activeOn'],
  ['oversight', 'query Q($filter: AuditEventFilterInput) { auditEvents(filter: $filter) { nodes { id } } }', (d) => ({ filter: { from: `${d}T00:00:00Z` } }), 'filter.from'],
  [
    'mission-ops',
    'mutation M($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed } }',
    (d) => ({ input: { clientKey: `bad-date-${d}`, missionId: 'MINUSCA', eventDate: d, subEventType: 'ARMED_CLASH', adminAreaPcode: 'CF431', latitude: 5.79, longitude: 20.66, fatalities: 0 } }),
    'input.eventDate',
  ],
];

function fragmentBomb(levels: number, fan: number, leaf = 'countries { iso3 }'): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    `fragment F${i} on Query { ${i === levels - 1 ? leaf : Array.from({ length: fan }, () => `...F${i + 1}`).join(' ')} }`,
  );
  return `query Bomb { ...F0 } ${fragments.join(' ')}`;
}

for (const kind of TEST_DATABASES) {
  describe(`errors, not crashes (${kind.label})`, () => {
    let t: TestStack;
    beforeAll(async () => {
      t = await startTestStack(kind);
    }, 180_000);
    afterAll(async () => {
      await t?.stop();
    });

    async function raw(body: unknown, headers: Record<string, string> = {}, url = t.gatewayUrl) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
    }

    for (const [audience, query, variables, field] of DATE_ARGUMENTS) {
      it(`${field} of ${query.slice(0, 40)}…: impossible dates are BAD_USER_INPUT naming the field`, async () => {
        for (const date of IMPOSSIBLE_DATES) {
          const res = await t.query(audience, query, variables(date));
          expect(res.status, res.text).toBeLessThan(500);
          const error = res.body.errors?.[0];
          expect(error?.extensions?.code, res.text).toBe('BAD_USER_INPUT');
          expect(error?.message).toContain(field);
          expect(res.text).not.toMatch(/out of range|date\/time|Internal server error/i);
        }
      });
    }

    it('an export filter out of PostgreSQL integer range, or an impossible date, is a 400 naming it', async () => {
      const token = await t.tokenFor('mission-ops');
      for (const query of ['reportingRound=99999999999', 'reportingRound=2147483648']) {
        const res = await fetch(t.gatewayUrl.replace(/\/graphql$/, `/export/humanitarian/displacement.csv?${query}`), { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(/reportingRound: must be a whole number from 0 to 2147483647/);
      }
      const res = await fetch(t.gatewayUrl.replace(/\/graphql$/, '/export/humanitarian/3w.csv?activeOn=2025-02-30'), { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/activeOn: must be a date YYYY-MM-DD that exists/);
      const ok = await fetch(t.gatewayUrl.replace(/\/graphql$/, '/export/humanitarian/displacement.csv?reportingRound=2147483647'), { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
    });

    it('an unknown operationName is a 400 BAD_USER_INPUT naming it and the operations there are', async () => {
      const res = await raw({ query: 'query A { countries { iso3 } } query B { __typename }', operationName: 'Nope' });
      expect(res.status).toBe(400);
      expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.json.errors?.[0]?.message).toBe('operationName: the document defines no operation named "Nope" (it defines "A", "B").');
      const single = await raw({ query: 'query A { countries { iso3 } }', operationName: 'B' });
      expect(single.status).toBe(400);
      expect(single.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('several operations without an operationName are a 400 BAD_USER_INPUT saying to choose one', async () => {
      const res = await raw({ query: 'query A { countries { iso3 } } query B { __typename }' });
      expect(res.status).toBe(400);
      expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.json.errors?.[0]?.message).toBe('operationName: the document defines 2 operations ("A", "B"); send operationName to choose one.');
      // The same document with a name runs.
      const chosen = await raw({ query: 'query A { countries { iso3 } } query B { __typename }', operationName: 'B' });
      expect(chosen.status).toBe(200);
      expect(chosen.json.data).toEqual({ __typename: 'Query' });
    });

    it('a document with many unknown directives gets one error, not one per directive', async () => {
      const directives = Array.from({ length: 8 }, (_, i) => `@nope${i}`).join(' ');
      const res = await raw({ query: `{ countries ${directives} { iso3 } }` });
      expect(res.status).toBe(400);
      expect(res.json.errors).toHaveLength(1);
      expect(res.json.errors?.[0]?.message).toBe('Unknown directive "@nope0" and 7 more unknown directive use(s).');
    });

    it('the fragment bomb (10 fragments each spreading the next 10 times) is refused fast, and /healthz stays responsive', async () => {
      // The default limits, as in production (the test stack runs without them).
      const gateway: RunningGateway = await startHardenedGateway(t, { production: true });
      const url = gateway.url.replace('localhost', '127.0.0.1');
      try {
      const bomb = fragmentBomb(10, 10);
      expect(bomb.length).toBeLessThan(900);
      const started = Date.now();
      const pending = raw({ query: bomb }, {}, url);
      const health = fetch(url.replace(/\/graphql$/, '/healthz'));
      const res = await pending;
      const elapsed = Date.now() - started;
      expect(res.status).toBe(400);
      expect(res.json.errors?.[0]?.extensions?.limit).toBe('maxCost');
      // Generous for a loaded machine (typically ~0.2 s): the unmemoised walk took about a minute.
      expect(elapsed).toBeLessThan(2000);
      expect((await health).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000);
      // With a free leaf (__typename costs nothing) it is admitted, and executed just as fast:
      // graphql-js collects each fragment once per selection set.
      const free = Date.now();
      const typename = await raw({ query: fragmentBomb(10, 10, '__typename') }, {}, url);
      expect(typename.status).toBe(200);
      expect(typename.json.data).toEqual({ __typename: 'Query' });
      expect(Date.now() - free).toBeLessThan(2000);
      } finally {
        await gateway.stop();
      }
    });
  });
}
