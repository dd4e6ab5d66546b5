// Issue 9: identical reads in flight at once run once in a subgraph — only between callers of
// the same policy scope, each of whom still gets their own audit rows; writes are never shared.
// Real subgraphs over HTTP on PGlite and PostgreSQL, signed like the gateway signs.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSubgraph, signIdentity, type Access, type Db, type Identity, type RunningSubgraph } from '@peacegraph/kit';
import { demoIdentity } from '@peacegraph/reference';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

// Restricted (PRECISE_LOCATION) per row: mission staff get points, the partner NGO coarsened or nothing.
const LOCATIONS = `query IncidentLocations { incidents(filter: { missionId: "MINUSCA" }, page: { first: 40 }) { nodes { id location { latitude longitude precision } } } }`;

for (const kind of TEST_DATABASES) {
  // PGlite answers within one turn of the event loop (no I/O to wait on), so a read is never
  // in flight when the next request is read: nothing to join there, the answers must still be right.
  const joins = kind.label === 'postgres';
  describe(`shared reads on ${kind.label}`, () => {
    let t: TestStack;
    let incidents: RunningSubgraph;
    beforeAll(async () => {
      t = await startTestStack(kind);
      incidents = t.stack.subgraphs.find((s) => s.name === 'incidents')!;
    }, 180_000);
    afterAll(async () => {
      await t?.stop();
    });

    async function call(identity: Identity, query: string, variables?: Record<string, unknown>, url = incidents.url) {
      const body = JSON.stringify({ query, variables });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signIdentity(t.signingSecret, identity, body, { subgraph: 'incidents' }) }, body });
      return { status: res.status, text: await res.text() };
    }

    const person = (audience: string, subject: string): Identity => ({ ...demoIdentity(audience), subject });

    /** Location decisions logged for this person (entities across their audit events). */
    async function auditRowsOf(subject: string): Promise<number> {
      const result = await t.database.db.execute(sql`select coalesce(sum(cardinality(entity_ids)), 0)::int as n from policy.audit_events where subject = ${subject} and field = 'location'`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
      return rows[0]!.n;
    }

    /** Sends the same read for every caller at once until at least one joined another (timing is the OS's). */
    async function concurrently(callers: Identity[], query = LOCATIONS, url = incidents.url, stats = () => incidents.sharedReads()) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = stats();
        const answers = await Promise.all(callers.map((c) => call(c, query, undefined, url)));
        const joined = stats().joined - before.joined;
        if (joined > 0 || !joins || attempt === 4) return { answers, joined, executed: stats().executed - before.executed };
      }
      throw new Error('unreachable');
    }

    it('people of one organisation asking the same thing at once share one execution, and each is audited', async () => {
      const alone = await call(person('mission-ops', 'alone@minusca'), LOCATIONS);
      expect(alone.status).toBe(200);
      expect(JSON.parse(alone.text).errors).toBeUndefined();
      const perRead = await auditRowsOf('alone@minusca');
      expect(perRead).toBeGreaterThan(0);

      const readers = Array.from({ length: 8 }, (_, i) => person('mission-ops', `reader-${i}@minusca`));
      const { answers, joined } = await concurrently(readers);
      if (joins) expect(joined).toBeGreaterThan(0);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.text).toBe(alone.text);
      }
      // Every reader's decisions are in the log, shared execution or not (attempts repeat reads).
      for (const reader of readers) {
        const rows = await auditRowsOf(reader.subject);
        expect(rows).toBeGreaterThan(0);
        expect(rows % perRead).toBe(0);
      }
    });

    it('callers of different scopes asking the same thing at once never receive each other’s answer', async () => {
      const staffAlone = await call(person('mission-ops', 'staff-alone@minusca'), LOCATIONS);
      const ngoAlone = await call(person('ngo-partner', 'ngo-alone@nrc'), LOCATIONS);
      expect(staffAlone.text).not.toBe(ngoAlone.text); // the precondition: their answers differ
      const callers = Array.from({ length: 10 }, (_, i) => (i % 2 ? person('ngo-partner', `ngo-${i}@nrc`) : person('mission-ops', `staff-${i}@minusca`)));
      const { answers, joined } = await concurrently(callers);
      if (joins) expect(joined).toBeGreaterThan(0); // sharing happened — within each scope
      answers.forEach((answer, i) => expect(answer.text).toBe(i % 2 ? ngoAlone.text : staffAlone.text));
    });

    it('never shares a write', async () => {
      const mutation = `mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed incident { id } } }`;
      const input = { clientKey: `shared-reads-${kind.label}-${Date.now()}`, missionId: 'MINUSCA', eventDate: '2025-05-02', subEventType: 'ATTACK', adminAreaPcode: 'CF521', latitude: 6.55, longitude: 21.98, fatalities: 0 };
      const before = incidents.sharedReads();
      const answers = await Promise.all([0, 1, 2].map((i) => call(person('mission-ops', `writer-${i}@minusca`), mutation, { input })));
      for (const answer of answers) expect(JSON.parse(answer.text).errors).toBeUndefined();
      // Each write ran on its own (the organisation's idempotency key made the later ones replays).
      expect(answers.map((a) => JSON.parse(a.text).data.reportIncident.replayed).sort()).toEqual([false, true, true]);
      expect(incidents.sharedReads()).toEqual(before);
    });

    it('SHARED_READS=off (sharedReads: false) runs every read', async () => {
      const entry = SUBGRAPHS.find((s) => s.name === 'incidents')!;
      const unshared = await serveSubgraph({ built: await entry.build(), database: t.database, signingSecret: t.signingSecret, createLoaders: entry.createLoaders as (db: Db, a: Access) => unknown, port: 0, portVariable: entry.portVariable, sharedReads: false });
      try {
        const callers = Array.from({ length: 6 }, (_, i) => person('mission-ops', `unshared-${i}@minusca`));
        const answers = await Promise.all(callers.map((c) => call(c, LOCATIONS, undefined, unshared.url)));
        for (const answer of answers) expect(answer.status).toBe(200);
        expect(unshared.sharedReads()).toEqual({ executed: 0, joined: 0 });
      } finally {
        await unshared.stop();
      }
    });
  });
}
