// Humanitarian through the gateway over HTTP, on a freshly composed supergraph: Mission and
// AdminArea joined across subgraphs in both directions (@requires host countries), NGO writes
// with ownership checked in the subgraph, the escort workflow, and the HXL export equal to
// the graph's answer for the same caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessFrom, AuditLog, IDENTITY_HEADER, loadAgreementsFor, migrateAll, parseCsv, type CsvRow, type Database } from '@peacegraph/kit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { exportHxlCsv } from '@peacegraph/humanitarian';
import { demoIdentity } from '../../subgraphs/humanitarian/src/testing';
import { compose } from '../../scripts/compose';
import { seedAll } from '../../scripts/seed/seed-all';
import { startStack, type Stack } from '../../scripts/stack';
import { mintDevToken } from '../../scripts/token';
import { TEST_DATABASES } from '../databases';
import { TEST_JWT_SECRET } from '../harness';

interface Response<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe.each(TEST_DATABASES)('humanitarian through the gateway on $label', (kind) => {
  let database: Database;
  let stack: Stack;
  const query = async <T = Record<string, any>>(
    audience: string,
    text: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> => {
    const token = audience === 'public' ? undefined : await mintDevToken(audience, { secret: TEST_JWT_SECRET });
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: text, variables }),
    });
    return (await response.json()) as Response<T>;
  };

  beforeAll(async () => {
    database = await kind.create();
    await migrateAll(database);
    await seedAll(database);
    const { supergraphSdl } = await compose();
    stack = await startStack({
      database,
      signingSecret: 'humanitarian-e2e-signing-secret-0123456789ab',
      jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE },
      anyFreePort: true,
      supergraphSdl,
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.close();
  });

  it('joins Mission → 3W presence (@requires host countries) → AdminArea names from missions', async () => {
    const res = await query(
      'public',
      `{ mission(acronym: "MINUSCA") { name humanitarianFootprint { organizationsPresent peopleReached }
          operationalPresence(cluster: HEALTH) { organization { acronym } adminArea { pcode name countryIso3 } countryIso3 } } }`,
    );
    expect(res.errors).toBeUndefined();
    const mission = res.data!.mission;
    expect(mission.humanitarianFootprint.organizationsPresent).toBeGreaterThan(3);
    expect(mission.operationalPresence.length).toBeGreaterThan(0);
    for (const row of mission.operationalPresence) {
      expect(row.countryIso3).toBe('CAF');
      expect(row.adminArea.countryIso3).toBe('CAF');
      expect(typeof row.adminArea.name).toBe('string');
    }
  });

  it('an NGO writes its own 3W row; another NGO cannot change it, even forging the identity header', async () => {
    const save = `mutation ($i: OperationalPresenceInput!) { saveOperationalPresence(input: $i) { id organizationId reached { total } } }`;
    const input = {
      clientKey: 'e2e-nrc-1',
      cluster: 'EDUCATION',
      adminAreaPcode: 'CF71',
      periodStart: '2025-09-01',
      periodEnd: '2026-06-30',
      status: 'ONGOING',
      targeted: { total: 2400 },
      reached: { total: 1800 },
    };
    const created = await query('ngo-partner', save, { i: input });
    expect(created.errors).toBeUndefined();
    const id = created.data!.saveOperationalPresence.id;
    expect(created.data!.saveOperationalPresence.organizationId).toBe('nrc');

    const forgedIdentity = Buffer.from(JSON.stringify(demoIdentity('ngo-partner'))).toString('base64url');
    const forged = await query('ngo-other', save, { i: { ...input, id, clientKey: 'e2e-caritas-1', reached: { total: 0 } } }, { [IDENTITY_HEADER]: forgedIdentity });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const row = await query('public', `query ($id: ID!) { operationalPresenceRow(id: $id) { organizationId reached { total } } }`, { id });
    expect(row.data!.operationalPresenceRow).toEqual({ organizationId: 'nrc', reached: { total: 1800 } });
  });

  it('escort: the NGO requests, the mission approves; the route stays between them', async () => {
    const requested = await query(
      'ngo-partner',
      `mutation ($i: EscortRequestInput!) { saveEscortRequest(input: $i) { id status mission { name } } }`,
      { i: { clientKey: 'e2e-escort-1', missionId: 'MINUSCA', requestedDate: '2030-02-01', purpose: 'Education supplies', route: [{ adminAreaPcode: 'CF71' }, { adminAreaPcode: 'CF43', latitude: 5.76, longitude: 20.67 }] } },
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.saveEscortRequest.mission.name).toContain('Central African Republic');
    const id = requested.data!.saveEscortRequest.id;
    const approve = `mutation ($id: ID!) { decideEscortRequest(id: $id, decision: APPROVE, clientKey: "e2e-approve-1") { status route { latitude } } }`;
    expect((await query('ngo-partner', approve, { id })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const approved = await query('mission-ops', approve, { id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideEscortRequest).toEqual({ status: 'APPROVED', route: [{ latitude: null }, { latitude: 5.76 }] });
    const byOcha = await query('un-agency', `query ($id: ID!) { escortRequest(id: $id) { status route { latitude } } }`, { id });
    expect(byOcha.data!.escortRequest).toEqual({ status: 'APPROVED', route: null });
    expect(byOcha.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'SECURITY_OPERATIONS' });
  });

  it('an access constraint caused by an incident resolves to that incident in the incidents subgraph', async () => {
    const res = await query(
      'mission-ops',
      `{ accessConstraints(filter: {countryIso3: "CAF"}, page: {first: 500}) { nodes { adminAreaPcode occurredOn incident { id adminAreaPcode eventDate } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const linked = (res.data!.accessConstraints.nodes as { adminAreaPcode: string; occurredOn: string; incident: { id: string; adminAreaPcode: string; eventDate: string } | null }[]).filter((n) => n.incident);
    expect(linked.length).toBeGreaterThan(0);
    for (const row of linked) expect(row.incident).toMatchObject({ adminAreaPcode: row.adminAreaPcode, eventDate: row.occurredOn });
  });

  it('the HXL export equals what the gateway answers the same caller', async () => {
    for (const audience of ['public', 'ngo-partner']) {
      const identity = demoIdentity(audience);
      const access = accessFrom(identity, await loadAgreementsFor(database.db, identity), new AuditLog('humanitarian', () => null));
      const csv = await exportHxlCsv(database.db, access, { kind: '3w', filters: { adminAreaPcode: 'CF71' } });
      const [tags, ...rows] = parseCsv(csv).rows;
      const cell = (row: CsvRow, tag: string) => row.values[Object.keys(tags!.values).find((header) => tags!.values[header] === tag)!];
      const res = await query(audience, `{ operationalPresence(filter: {adminAreaPcode: "CF71"}, page: {first: 500}) { nodes { id targeted { total } remarks } } }`);
      const nodes = res.data!.operationalPresence.nodes as { id: string; targeted: { total: number }; remarks: string | null }[];
      expect(rows.length).toBe(nodes.length);
      nodes.forEach((n, i) => {
        expect(cell(rows[i]!, '#meta+id')).toBe(n.id);
        expect(cell(rows[i]!, '#targeted+ind')).toBe(String(n.targeted.total));
        // A withheld remark is an empty cell in both.
        expect(cell(rows[i]!, '#description')).toBe(n.remarks ?? '');
      });
    }
  });
});
