// Issue 19: Hive Gateway is a benchmark peer only if it keeps callers apart and answers as ours
// does. Identical queries fired at once by two audiences with different policy scopes (mission
// staff: exact points; a partner NGO: area centroids) must each get their own answer through
// Hive — with its Rust query planner as with its JavaScript one — never the first caller's
// shared in flight; and the benchmark's queries must get the same answers through it as through
// ours. Real subgraphs over HTTP on PGlite and PostgreSQL; Hive signs like our gateway signs.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHiveGateway, type HivePlanner } from '../../scripts/services/hive-gateway';
import { OPERATIONS, operationOf, type QueryId } from '../../scripts/bench/operations';
import { SUPERGRAPH_PATH } from '../../scripts/compose';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

// Two subgraphs (incidents → humanitarian): the location is restricted per row and audience.
const PICTURE = `query IncidentPicture { incidents(filter: { missionId: "MINUSCA" }, page: { first: 20 }) { nodes { id eventDate location { latitude longitude precision } adminArea { pcode name accessConstraints { nodes { id constraintType } } operationalPresence { nodes { id organizationId } } } } } }`;
const SCOPES = ['mission-ops', 'ngo-partner'] as const;

for (const kind of TEST_DATABASES) {
  describe(`Hive Gateway as a peer on ${kind.label}`, () => {
    let t: TestStack;
    beforeAll(async () => {
      t = await startTestStack(kind);
    }, 180_000);
    afterAll(async () => {
      await t?.stop();
    });

    for (const planner of ['rust', 'js'] as HivePlanner[]) {
      describe(`${planner} planner`, () => {
        let server: Server;
        let hive: Awaited<ReturnType<typeof createHiveGateway>>;
        let url: string;
        beforeAll(async () => {
          const subgraphUrls = Object.fromEntries(t.stack.subgraphs.map((s) => [s.name, s.url]));
          hive = await createHiveGateway(readFileSync(SUPERGRAPH_PATH, 'utf8'), subgraphUrls, t.signingSecret, TEST_JWT_SECRET, planner);
          server = createServer(hive);
          await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
          url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
        });
        afterAll(async () => {
          await new Promise<void>((resolve) => server?.close(() => resolve()));
          await hive?.dispose();
        });

        async function ask(audience: string, query: string, variables?: Record<string, unknown>) {
          const token = await t.tokenFor(audience);
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
          return { status: res.status, text: await res.text() };
        }

        it('identical queries at once as mission-ops and ngo-partner each get their own scoped answer', async () => {
          // Alone, one after the other: the answer each audience is owed.
          const alone: Record<string, string> = {};
          for (const audience of SCOPES) {
            const answer = await ask(audience, PICTURE);
            expect(answer.status, answer.text).toBe(200);
            expect(JSON.parse(answer.text).errors).toBeUndefined();
            alone[audience] = answer.text;
          }
          expect(alone['mission-ops']).not.toBe(alone['ngo-partner']); // the precondition: their answers differ
          expect(alone['mission-ops']).toContain('"precision":"EXACT"');
          expect(alone['ngo-partner']).not.toContain('"precision":"EXACT"');
          // At once, interleaved, a few rounds: each caller's subgraph fetches have identical twins of the other scope in flight.
          for (let round = 0; round < 3; round++) {
            const callers = Array.from({ length: 12 }, (_, i) => SCOPES[i % 2]!);
            const answers = await Promise.all(callers.map((audience) => ask(audience, PICTURE)));
            answers.forEach((answer, i) => expect(answer.text, `round ${round}, caller ${i} (${callers[i]})`).toBe(alone[callers[i]!]));
          }
        });

        it('answers the benchmark queries Q1–Q4 exactly as our gateway, for every audience the benchmark sends', async () => {
          for (const id of ['Q1', 'Q2', 'Q3', 'Q4'] as QueryId[]) {
            const { body } = operationOf(id);
            const variables = OPERATIONS[id].variables();
            for (const audience of OPERATIONS[id].audiences) {
              const ours = await t.query(audience, body, variables);
              expect(ours.body.data, `${id} as ${audience} through ours`).toBeTruthy();
              const theirs = await ask(audience, body, variables);
              expect(theirs.status, `${id} as ${audience}: ${theirs.text.slice(0, 300)}`).toBe(200);
              const parsed = JSON.parse(theirs.text) as { data?: unknown; errors?: { path?: unknown }[] };
              expect(parsed.data, `${id} as ${audience}`).toEqual(ours.body.data);
              expect((parsed.errors ?? []).map((e) => e.path), `${id} as ${audience}`).toEqual((ours.body.errors ?? []).map((e) => e.path));
            }
          }
        });
      });
    }
  });
}
