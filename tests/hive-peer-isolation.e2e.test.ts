// Issue 19: Hive Gateway is a benchmark peer only if it keeps callers apart. Identical queries
// fired at once by two audiences with different policy scopes (mission staff: exact points;
// a partner NGO: area centroids) must each get their own answer through Hive — with its Rust
// query planner as with its JavaScript one — never the first caller's shared in flight.
// Real subgraphs over HTTP on PGlite and PostgreSQL; Hive signs like our gateway signs.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHiveGateway, type HivePlanner } from '../scripts/services/hive-gateway';
import { SUPERGRAPH_PATH } from '../scripts/compose';
import { TEST_DATABASES } from './databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from './harness';

// Two subgraphs (incidents → humanitarian): the location is restricted per row and audience.
const PICTURE = `query IncidentPicture { incidents(filter: { missionId: "MINUSCA" }, page: { first: 20 }) { nodes { id eventDate location { latitude longitude precision } adminArea { pcode name accessConstraints { id constraintType } operationalPresence { id organizationId } } } } }`;
const AUDIENCES = ['mission-ops', 'ngo-partner'] as const;

for (const kind of TEST_DATABASES) {
  describe(`Hive Gateway as a peer keeps callers apart on ${kind.label}`, () => {
    let t: TestStack;
    beforeAll(async () => {
      t = await startTestStack(kind);
    }, 180_000);
    afterAll(async () => {
      await t?.stop();
    });

    for (const planner of ['rust', 'js'] as HivePlanner[]) {
      it(`${planner} planner: identical queries at once as mission-ops and ngo-partner each get their own scoped answer`, async () => {
        const subgraphUrls = Object.fromEntries(t.stack.subgraphs.map((s) => [s.name, s.url]));
        const hive = await createHiveGateway(readFileSync(SUPERGRAPH_PATH, 'utf8'), subgraphUrls, t.signingSecret, TEST_JWT_SECRET, planner);
        const server: Server = createServer(hive);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
        const tokens = Object.fromEntries(await Promise.all(AUDIENCES.map(async (a) => [a, await t.tokenFor(a)] as const)));
        const ask = async (audience: string) => {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[audience]}` }, body: JSON.stringify({ query: PICTURE }) });
          return { status: res.status, text: await res.text() };
        };
        try {
          // Alone, one after the other: the answer each audience is owed — the same as ours gives.
          const alone: Record<string, string> = {};
          for (const audience of AUDIENCES) {
            const answer = await ask(audience);
            expect(answer.status, answer.text).toBe(200);
            expect(JSON.parse(answer.text).errors).toBeUndefined();
            expect(JSON.parse(answer.text).data).toEqual((await t.query(audience, PICTURE)).body.data);
            alone[audience] = answer.text;
          }
          expect(alone['mission-ops']).not.toBe(alone['ngo-partner']); // the precondition: their answers differ
          expect(alone['mission-ops']).toContain('"precision":"EXACT"');
          expect(alone['ngo-partner']).not.toContain('"precision":"EXACT"');
          // At once, interleaved, a few rounds: every subgraph fetch of one caller has an identical twin of the other's in flight.
          for (let round = 0; round < 3; round++) {
            const callers = Array.from({ length: 12 }, (_, i) => AUDIENCES[i % 2]!);
            const answers = await Promise.all(callers.map(ask));
            answers.forEach((answer, i) => expect(answer.text, `round ${round}, caller ${i} (${callers[i]})`).toBe(alone[callers[i]!]));
          }
        } finally {
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await hive.dispose();
        }
      });
    }
  });
}
