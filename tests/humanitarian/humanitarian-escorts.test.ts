import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { runSubgraphOperation, type BuiltSubgraph, type Identity } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, seedHumanitarian } from '@peacegraph/humanitarian';
import { escortRequests } from '../../subgraphs/humanitarian/src/tables';
import { demoIdentity, openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../subgraphs/humanitarian/src/testing';
import { seedAgreements } from '../../scripts/seed/agreements';

const FIELDS = `id requestingOrganizationId missionId status declineReason purpose route { sequence adminAreaPcode latitude longitude } history { fromStatus toStatus reason actorOrganizationId }`;
const SAVE = `mutation ($input: EscortRequestInput!) { saveEscortRequest(input: $input) { ${FIELDS} } }`;
const DECIDE = `mutation ($id: ID!, $d: EscortDecision!, $k: String!, $reason: String) { decideEscortRequest(id: $id, decision: $d, clientKey: $k, reason: $reason) { ${FIELDS} } }`;
const COMPLETE = `mutation ($id: ID!, $k: String!) { completeEscortRequest(id: $id, clientKey: $k) { ${FIELDS} } }`;
const CANCEL = `mutation ($id: ID!, $k: String!) { cancelEscortRequest(id: $id, clientKey: $k) { ${FIELDS} } }`;

let keys = 0;
const key = () => `k-${++keys}`;

function request(overrides: Record<string, unknown> = {}) {
  return {
    clientKey: key(),
    missionId: 'MINUSCA',
    requestedDate: '2030-05-04',
    purpose: 'Food distribution convoy to Bambari',
    cargo: '12 trucks, WFP food rations',
    route: [
      { adminAreaPcode: 'CF71', name: 'Bangui warehouse', latitude: 4.3612, longitude: 18.5551 },
      { adminAreaPcode: 'CF431', name: 'Bambari distribution site', latitude: 5.7631, longitude: 20.6712 },
    ],
    ...overrides,
  };
}

describe.each(TEST_DATABASE_KINDS)('escort request workflow on %s', (kind) => {
  let test: TestDatabase;
  let built: BuiltSubgraph;
  const run = (identity: Identity, query: string, variables?: Record<string, unknown>) =>
    runSubgraphOperation(built, test.database, createHumanitarianLoaders, identity, query, variables);
  const nrc = demoIdentity('ngo-partner');
  const caritas = demoIdentity('ngo-other');
  const mission = demoIdentity('mission-ops');
  const ocha = demoIdentity('un-agency');
  const create = async (identity: Identity = nrc, overrides: Record<string, unknown> = {}) => {
    const result = await run(identity, SAVE, { input: request(overrides) });
    expect(result.errors).toBeUndefined();
    return (result.data!.saveEscortRequest as { id: string }).id;
  };
  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    built = await buildHumanitarianSubgraph();
    await seedAgreements(test.database.db);
    await seedHumanitarian(test.database.db);
  });
  afterAll(() => test?.dispose());

  it('an NGO requests an escort; it owns the request and sees its route', async () => {
    const result = await run(nrc, SAVE, { input: request() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.saveEscortRequest).toMatchObject({
      requestingOrganizationId: 'nrc',
      missionId: 'MINUSCA',
      status: 'REQUESTED',
      route: [
        { sequence: 1, adminAreaPcode: 'CF71', latitude: 4.3612, longitude: 18.5551 },
        { sequence: 2, adminAreaPcode: 'CF431' },
      ],
      history: [{ fromStatus: null, toStatus: 'REQUESTED', actorOrganizationId: 'nrc' }],
    });
  });

  it('hides requests from those outside scope, and routes (SECURITY_OPERATIONS) from all but the requester and the mission', async () => {
    const id = await create();
    const one = `query ($id: ID!) { escortRequest(id: $id) { id status route { adminAreaPcode } } }`;
    expect((await run(caritas, one, { id })).data).toEqual({ escortRequest: null });
    expect((await run(demoIdentity('public'), one, { id })).data).toEqual({ escortRequest: null });
    const list = await run(demoIdentity('public'), `{ escortRequests { nodes { id } } }`);
    expect(list.data).toEqual({ escortRequests: { nodes: [] } });

    const byOcha = await run(ocha, one, { id });
    expect(byOcha.data).toEqual({ escortRequest: { id, status: 'REQUESTED', route: null } });
    expect(codeOf(byOcha)).toMatchObject({ code: 'FORBIDDEN', dataClass: 'SECURITY_OPERATIONS' });

    const byMission = await run(mission, one, { id });
    expect(byMission.errors).toBeUndefined();
    expect((byMission.data!.escortRequest as { route: unknown[] }).route).toHaveLength(2);
  });

  it('requested → approved → completed, decided only by the mission’s civil-military coordination', async () => {
    const id = await create();
    expect(codeOf(await run(nrc, DECIDE, { id, d: 'APPROVE', k: key() }))).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(codeOf(await run(ocha, DECIDE, { id, d: 'APPROVE', k: key() }))).toMatchObject({ code: 'FORBIDDEN' });
    const otherMission: Identity = { subject: 'civmil@monusco', organizationId: 'monusco', organizationType: 'mission', roles: ['civil-military-coordination'] };
    expect(codeOf(await run(otherMission, DECIDE, { id, d: 'APPROVE', k: key() }))).toMatchObject({ code: 'FORBIDDEN' });
    const noRole: Identity = { ...mission, roles: ['joint-operations-centre'] };
    expect(codeOf(await run(noRole, DECIDE, { id, d: 'APPROVE', k: key() }))).toMatchObject({ code: 'FORBIDDEN' });

    const approveKey = key();
    const approved = await run(mission, DECIDE, { id, d: 'APPROVE', k: approveKey });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideEscortRequest).toMatchObject({ status: 'APPROVED' });
    // A retry of the same decision is answered, not refused or repeated.
    const retry = await run(mission, DECIDE, { id, d: 'APPROVE', k: approveKey });
    expect(retry.errors).toBeUndefined();
    expect((retry.data!.decideEscortRequest as { history: unknown[] }).history).toHaveLength(2);
    // A new decision on a decided request is a conflict.
    expect(codeOf(await run(mission, DECIDE, { id, d: 'DECLINE', k: key(), reason: 'late' }))).toMatchObject({ code: 'CONFLICT', field: 'id' });
    // The requester can no longer change it.
    expect(codeOf(await run(nrc, SAVE, { input: request({ id }) }))).toMatchObject({ code: 'CONFLICT', field: 'id' });

    expect(codeOf(await run(nrc, COMPLETE, { id, k: key() }))).toMatchObject({ code: 'FORBIDDEN' });
    const completed = await run(mission, COMPLETE, { id, k: key() });
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeEscortRequest).toMatchObject({
      status: 'COMPLETED',
      history: [
        { fromStatus: null, toStatus: 'REQUESTED', actorOrganizationId: 'nrc' },
        { fromStatus: 'REQUESTED', toStatus: 'APPROVED', actorOrganizationId: 'minusca' },
        { fromStatus: 'APPROVED', toStatus: 'COMPLETED', actorOrganizationId: 'minusca' },
      ],
    });
    expect(codeOf(await run(nrc, CANCEL, { id, k: key() }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('a decline needs a reason, which the requester then reads', async () => {
    const id = await create();
    expect(codeOf(await run(mission, DECIDE, { id, d: 'DECLINE', k: key() }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const declined = await run(mission, DECIDE, { id, d: 'DECLINE', k: key(), reason: 'Route through Grimari closed by hostilities.' });
    expect(declined.errors).toBeUndefined();
    const seen = await run(nrc, `query ($id: ID!) { escortRequest(id: $id) { status declineReason } }`, { id });
    expect(seen.data).toEqual({ escortRequest: { status: 'DECLINED', declineReason: 'Route through Grimari closed by hostilities.' } });
  });

  it('the requester changes and cancels its own request; another NGO cannot, even with the id', async () => {
    const id = await create();
    const forged = await run(caritas, SAVE, { input: request({ id, purpose: 'hijacked' }) });
    expect(codeOf(forged)).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(codeOf(await run(caritas, SAVE, { input: request({ organizationId: 'nrc' }) }))).toMatchObject({ code: 'FORBIDDEN', field: 'organizationId' });
    expect(codeOf(await run(caritas, CANCEL, { id, k: key() }))).toMatchObject({ code: 'FORBIDDEN', field: 'id' });

    const changed = await run(nrc, SAVE, { input: request({ id, purpose: 'Medical supplies to Bambari' }) });
    expect(changed.data!.saveEscortRequest).toMatchObject({ id, purpose: 'Medical supplies to Bambari', status: 'REQUESTED' });
    const cancelled = await run(nrc, CANCEL, { id, k: key() });
    expect(cancelled.data!.cancelEscortRequest).toMatchObject({ status: 'CANCELLED' });
  });

  it('is idempotent: a retried request creates one row', async () => {
    const body = request();
    const before = (await test.database.db.select({ n: count() }).from(escortRequests))[0]!.n;
    const a = await run(nrc, SAVE, { input: body });
    const b = await run(nrc, SAVE, { input: body });
    expect((a.data!.saveEscortRequest as { id: string }).id).toBe((b.data!.saveEscortRequest as { id: string }).id);
    expect((await test.database.db.select({ n: count() }).from(escortRequests))[0]!.n).toBe(before + 1);
  });

  it('statement count of escort requests does not grow with page size', async () => {
    for (let i = 0; i < 12; i++) await create();
    const query = `query ($n: Int!) { escortRequests(page: {first: $n}) { nodes { id requestingOrganization { name } history { toStatus } route { adminAreaPcode } } } }`;
    const statements = async (n: number) => {
      const before = test.database.statementCount();
      const result = await run(mission, query, { n });
      expect(result.errors).toBeUndefined();
      const seen = (result.data!.escortRequests as { nodes: unknown[] }).nodes.length;
      expect(n === 10 ? seen === 10 : seen > 10).toBe(true);
      return test.database.statementCount() - before;
    };
    expect(await statements(500)).toBe(await statements(10));
  });

  it.each([
    ['input.missionId', { missionId: 'NOPE' }],
    ['input.missionId', { missionId: 'MINUSMA' }],
    ['input.requestedDate', { requestedDate: '2020-01-01' }],
    ['input.purpose', { purpose: '  ' }],
    ['input.route', { route: [{ adminAreaPcode: 'CF71' }] }],
    ['input.route[1].adminAreaPcode', { route: [{ adminAreaPcode: 'CF71' }, { adminAreaPcode: 'CD61' }] }],
    ['input.route[0].adminAreaPcode', { route: [{ adminAreaPcode: 'ZZ11' }, { adminAreaPcode: 'CF43' }] }],
    ['input.route[0].longitude', { route: [{ adminAreaPcode: 'CF71', latitude: 4.3 }, { adminAreaPcode: 'CF43' }] }],
    ['input.route[1].latitude', { route: [{ adminAreaPcode: 'CF71' }, { adminAreaPcode: 'CF43', latitude: 95, longitude: 20 }] }],
  ])('names %s when it is wrong, and writes nothing', async (field, overrides) => {
    const before = (await test.database.db.select({ n: count() }).from(escortRequests))[0]!.n;
    const result = await run(nrc, SAVE, { input: request(overrides) });
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await test.database.db.select({ n: count() }).from(escortRequests))[0]!.n).toBe(before);
  });
});
