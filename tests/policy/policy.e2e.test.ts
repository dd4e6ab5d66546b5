// Issue 3: agreements take effect per request, `_entities` is scoped like everything else,
// and the audit log records restricted decisions, is readable by oversight only, and is
// append-only in the database itself.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '@peacegraph/kit';
import { agreementChangeSeen } from '../agreement-change';
import { expireAgreement } from '../../scripts/seed/agreements';
import { demoIdentity } from '@peacegraph/reference';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

const INCIDENTS_IN_CF21 = `{ incidents(filter: { adminAreaPcode: "CF43" }, page: { first: 50 }) { nodes { id adminAreaPcode missionId } } }`;


for (const kind of TEST_DATABASES) {
  describe(`policy on ${kind.label}`, () => {
    let t: TestStack;
    beforeAll(async () => {
      t = await startTestStack(kind);
    });
    afterAll(async () => {
      await t?.stop();
    });

    async function signedSubgraphCall(subgraph: string, audience: string, query: string) {
      const body = JSON.stringify({ query });
      const res = await fetch(t.subgraphUrl(subgraph), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signIdentity(t.signingSecret, demoIdentity(audience), body, { subgraph }) },
        body,
      });
      return { status: res.status, text: await res.text() };
    }

    it('_entities signed for an NGO without an agreement returns no incident and no restricted value', async () => {
      const truth = await t.query<{ incidents: { nodes: { id: string }[] } }>('mission-ops', '{ incidents(page: { first: 20 }) { nodes { id summary reportingUnit location { latitude longitude } victims { fullName } } } }');
      const ids = truth.body.data!.incidents.nodes.map((n) => n.id);
      expect(ids.length).toBeGreaterThan(0);
      const representations = ids.map((id) => `{ __typename: "Incident", id: "${id}" }`).join(', ');
      const res = await signedSubgraphCall('incidents', 'ngo-other', `{ _entities(representations: [${representations}]) { ... on Incident { id summary reportingUnit location { latitude longitude } victims { fullName } } } }`);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as { data: { _entities: (object | null)[] } };
      expect(body.data._entities.every((e) => e === null)).toBe(true);
      for (const node of truth.body.data!.incidents.nodes as Record<string, unknown>[]) {
        for (const value of [node.summary, node.reportingUnit]) {
          if (typeof value === 'string') expect(res.text).not.toContain(value);
        }
      }
    });

    it('_entities signed for the partner NGO returns only rows inside its agreed areas', async () => {
      const truth = await t.query<{ incidents: { nodes: { id: string; adminAreaPcode: string }[] } }>('mission-ops', '{ incidents(page: { first: 200 }) { nodes { id adminAreaPcode } } }');
      const rows = truth.body.data!.incidents.nodes;
      const representations = rows.map((r) => `{ __typename: "Incident", id: "${r.id}" }`).join(', ');
      const res = await signedSubgraphCall('incidents', 'ngo-partner', `{ _entities(representations: [${representations}]) { ... on Incident { id adminAreaPcode } } }`);
      const entities = (JSON.parse(res.text) as { data: { _entities: ({ id: string } | null)[] } }).data._entities;
      rows.forEach((row, i) => {
        const inScope = ['CF71', 'CF43', 'CF52'].some((p) => row.adminAreaPcode.startsWith(p));
        expect(entities[i] === null ? null : entities[i]!.id).toBe(inScope ? row.id : null);
      });
      expect(entities.some((e) => e !== null)).toBe(true);
    });

    it('expiring an agreement takes effect on the next request, without a restart', async () => {
      const before = await t.query<{ incidents: { nodes: unknown[] } | null }>('ngo-partner', INCIDENTS_IN_CF21);
      expect(before.body.data!.incidents!.nodes.length).toBeGreaterThan(0);
      await expireAgreement(t.database.db, 'nrc-car-access');
      // Subgraphs cache agreements until the table's NOTIFY arrives: at once on PGlite, within moments on PostgreSQL.
      await agreementChangeSeen(t.database, 'ngo-partner', 'nrc-car-access');
      const after = await t.query<{ incidents: { nodes: unknown[] } | null }>('ngo-partner', INCIDENTS_IN_CF21);
      expect(after.body.data?.incidents ?? null).toBeNull();
      expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'PARTNER' });
    });

    it('records restricted decisions, granted and denied, for oversight to read with filters and pages', async () => {
      await t.query('un-agency', '{ incidents(page: { first: 3 }) { nodes { id victims { fullName } } } }');
      await t.query('mission-ops', '{ incidents(page: { first: 3 }) { nodes { id victims { fullName } } } }');
      const denied = await t.query<{ auditEvents: { nodes: { organizationId: string; dataClass: string; decision: string; entityType: string }[] } }>(
        'oversight',
        '{ auditEvents(filter: { organizationId: "ocha", dataClass: "VICTIM_IDENTITY" }, page: { first: 5 }) { nodes { organizationId dataClass decision entityType field subgraph } pageInfo { hasNextPage endCursor } } }',
      );
      expect(denied.body.errors).toBeUndefined();
      const nodes = denied.body.data!.auditEvents.nodes;
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((n) => n.organizationId === 'ocha' && n.dataClass === 'VICTIM_IDENTITY' && n.decision === 'DENIED')).toBe(true);
      const granted = await t.query<{ auditEvents: { nodes: { decision: string }[] } }>('oversight', '{ auditEvents(filter: { organizationId: "minusca", decision: "GRANTED" }, page: { first: 5 }) { nodes { decision } } }');
      expect(granted.body.data!.auditEvents.nodes.length).toBeGreaterThan(0);
      for (const audience of ['un-agency', 'ngo-partner', 'mission-ops', 'donor', 'public']) {
        const res = await t.query(audience, '{ auditEvents { nodes { id } } }');
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'AUDIT' });
      }
    });

    it('oversight finds who read a given entity: one event per request names all the entities it covered', async () => {
      const read = await t.query<{ incidents: { nodes: { id: string }[] } }>('mission-ops', 'query WhoReadThese { incidents(page: { first: 4 }) { nodes { id location { precision } } } }');
      const ids = read.body.data!.incidents.nodes.map((n) => n.id);
      expect(ids).toHaveLength(4);
      type Events = { auditEvents: { nodes: { subject: string; entityType: string; entityIds: string[]; operationName: string | null }[] } };
      const about = (id: string) =>
        t.query<Events>('oversight', `{ auditEvents(filter: { entityId: "${id}", dataClass: "PRECISE_LOCATION" }) { nodes { subject entityType entityIds operationName } } }`);
      // The gateway names the subgraph operation after the client's (WhoReadThese__incidents__0).
      const [event] = (await about(ids[2]!)).body.data!.auditEvents.nodes.filter((e) => e.operationName?.startsWith('WhoReadThese'));
      expect(event).toMatchObject({ subject: demoIdentity('mission-ops').subject, entityType: 'Incident' });
      expect([...event!.entityIds].sort()).toEqual([...ids].sort());
      expect((await about('no-such-incident')).body.data!.auditEvents.nodes).toEqual([]);
    });

    it('writes one audit INSERT per request, not one per row', async () => {
      const before = t.database.statementCount();
      await t.query('un-agency', '{ incidents(page: { first: 100 }) { nodes { id victims { fullName } sources { sourceName } } } }');
      const small = t.database.statementCount() - before;
      const mid = t.database.statementCount();
      await t.query('un-agency', '{ incidents(page: { first: 5 }) { nodes { id victims { fullName } sources { sourceName } } } }');
      expect(t.database.statementCount() - mid).toBe(small);
    });

    it('refuses UPDATE, DELETE and TRUNCATE of the audit log in the database itself', async () => {
      for (const statement of ['update policy.audit_events set decision = \'GRANTED\'', 'delete from policy.audit_events', 'truncate policy.audit_events']) {
        await expect(t.database.db.execute(sql.raw(statement))).rejects.toThrow();
      }
    });
  });
}
