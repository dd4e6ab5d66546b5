// Issue 16: explainAccess through the gateway over HTTP, on PGlite and PostgreSQL — the decision
// follows the agreement lifecycle (request → approve → revoke), names what would grant a
// withheld field and who approves it, stops at the hard floors, never tells an absent row from
// an out-of-scope one, and refuses bad questions. tests/policy/explain-conformance.e2e.test.ts checks
// every answer against what the graph served each audience.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type TestStack } from '../harness';

const EXPLANATION = 'typename field id decision dataClass preciseClass basis agreementId reason wouldGrant { grantable floor dataClass providerOrganizationId missionId adminAreaPcode recipientOrganizationId recipientRole approverRole approverOrganizationId }';
const EXPLAIN = `query Explain($typename: String!, $field: String!, $id: ID) { explainAccess(typename: $typename, field: $field, id: $id) { ${EXPLANATION} } }`;
const change = (name: string) => `mutation Change($input: AgreementChangeInput!) { ${name}(input: $input) { id status version } }`;

interface Explanation {
  typename: string;
  field: string;
  id: string | null;
  decision: string;
  dataClass: string;
  preciseClass: string | null;
  basis: string;
  agreementId: string | null;
  reason: string;
  wouldGrant: Record<string, unknown> | null;
}

describe.each(TEST_DATABASES)('explainAccess ($label)', (kind) => {
  let t: TestStack;
  /** A MINUSCA incident in Ouaka (CF43), read by the mission. */
  let ouaka: { id: string; adminAreaPcode: string };
  /** A MINUSCA incident outside every NGO agreement. */
  let elsewhere: { id: string };

  async function explain(audience: string, typename: string, field: string, id?: string): Promise<Explanation> {
    const res = await t.query<{ explainAccess: Explanation }>(audience, EXPLAIN, { typename, field, id: id ?? null });
    expect(res.body.errors, res.text).toBeUndefined();
    return res.body.data!.explainAccess;
  }

  beforeAll(async () => {
    t = await startTestStack(kind);
    const res = await t.query<{ incidents: { nodes: { id: string; adminAreaPcode: string }[] } }>(
      'mission-ops',
      '{ incidents(filter: { missionId: "MINUSCA" }, page: { first: 500 }) { nodes { id adminAreaPcode } } }',
    );
    const nodes = res.body.data!.incidents.nodes;
    ouaka = nodes.find((n) => n.adminAreaPcode.startsWith('CF43'))!;
    // ngo-partner's agreement covers CF71, CF43 and CF52; ngo-other's only CF71.
    elsewhere = nodes.find((n) => !['CF71', 'CF43', 'CF52'].some((p) => n.adminAreaPcode.startsWith(p)))!;
    expect(ouaka && elsewhere).toBeTruthy();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('follows the lifecycle: out of scope → approved (coarsened, with the agreement) → revoked', async () => {
    const before = await explain('ngo-other', 'Incident', 'eventDate', ouaka.id);
    expect(before).toMatchObject({ decision: 'OUT_OF_SCOPE', basis: 'NONE', agreementId: null, dataClass: 'PARTNER' });
    // Out of scope: the kind of agreement, but not where the row is or whose it is.
    expect(before.wouldGrant).toMatchObject({ grantable: true, dataClass: 'PARTNER', providerOrganizationId: null, missionId: null, adminAreaPcode: null, recipientOrganizationId: 'caritas-bangui', approverRole: 'data-owner' });

    const requested = await t.query<{ requestAgreement: { id: string } }>('ngo-other', 'mutation ($input: RequestAgreementInput!) { requestAgreement(input: $input) { id } }', {
      input: { clientKey: 'explain-request', provider: 'minusca', dataClasses: ['PARTNER'], adminAreaPcodes: ['CF43'], purpose: 'Plan distributions in Ouaka.', validFrom: '2024-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' },
    });
    expect(requested.body.errors).toBeUndefined();
    const id = requested.body.data!.requestAgreement.id;
    expect((await explain('ngo-other', 'Incident', 'eventDate', ouaka.id)).decision).toBe('OUT_OF_SCOPE');

    const approved = await t.query('mission-data-owner', change('approveAgreement'), { input: { clientKey: 'explain-approve', id, expectedVersion: 1, reason: 'Ouaka response plan.' } });
    expect(approved.body.errors).toBeUndefined();
    expect(await explain('ngo-other', 'Incident', 'eventDate', ouaka.id)).toMatchObject({ decision: 'GRANTED', basis: 'AGREEMENT', agreementId: id, wouldGrant: null });
    const location = await explain('ngo-other', 'Incident', 'location', ouaka.id);
    expect(location).toMatchObject({ decision: 'COARSENED', basis: 'AGREEMENT', agreementId: id, dataClass: 'PARTNER', preciseClass: 'PRECISE_LOCATION' });
    // In scope, the row's provider, mission and area are named, and the provider's data owner approves.
    expect(location.wouldGrant).toMatchObject({
      grantable: true,
      dataClass: 'PRECISE_LOCATION',
      providerOrganizationId: 'minusca',
      missionId: 'MINUSCA',
      adminAreaPcode: ouaka.adminAreaPcode,
      recipientOrganizationId: 'caritas-bangui',
      approverRole: 'data-owner',
      approverOrganizationId: 'minusca',
    });
    // The explanation never carries the value.
    const served = await t.query<{ incident: { location: { latitude: number; longitude: number } } }>('mission-ops', '{ incident(id: "' + ouaka.id + '") { location { latitude longitude } } }');
    const exact = served.body.data!.incident.location;
    expect(JSON.stringify(location)).not.toContain(String(exact.latitude));

    const revoked = await t.query('mission-data-owner', change('revokeAgreement'), { input: { clientKey: 'explain-revoke', id, reason: 'Pilot ended.' } });
    expect(revoked.body.errors).toBeUndefined();
    expect((await explain('ngo-other', 'Incident', 'eventDate', ouaka.id)).decision).toBe('OUT_OF_SCOPE');
  });

  it('names the rule: public data, the mission’s own agreement, an NGO’s own rows', async () => {
    expect(await explain('public', 'Mission', 'name', 'MINUSCA')).toMatchObject({ decision: 'GRANTED', basis: 'PUBLIC' });
    expect(await explain('un-agency', 'Incident', 'summary', ouaka.id)).toMatchObject({ decision: 'GRANTED', basis: 'AGREEMENT', agreementId: 'un-agencies-situational-picture' });
    expect(await explain('un-agency', 'Incident', 'location', ouaka.id)).toMatchObject({ decision: 'GRANTED', dataClass: 'PARTNER', preciseClass: 'PRECISE_LOCATION', agreementId: 'un-agencies-situational-picture' });
    const own = await t.query<{ operationalPresence: { nodes: { id: string; organizationId: string }[] } }>('ngo-partner', '{ operationalPresence(page: { first: 200 }) { nodes { id organizationId } } }');
    const mine = own.body.data!.operationalPresence.nodes.find((n) => n.organizationId === 'nrc')!;
    expect(await explain('ngo-partner', 'OperationalPresence', 'remarks', mine.id)).toMatchObject({ decision: 'GRANTED', basis: 'OWN_DATA' });
  });

  it('stops at the hard floors: no agreement can give an NGO a victim’s identity', async () => {
    const victims = await explain('ngo-partner', 'Incident', 'victims', ouaka.id);
    expect(victims).toMatchObject({ decision: 'DENIED', dataClass: 'VICTIM_IDENTITY' });
    expect(victims.wouldGrant).toMatchObject({ grantable: false, dataClass: 'VICTIM_IDENTITY', providerOrganizationId: 'minusca' });
    expect(victims.wouldGrant!.floor).toMatch(/never granted to ingo/);
    const sources = await explain('un-agency', 'Incident', 'sources', ouaka.id);
    expect(sources.decision).toBe('DENIED');
    const sea = await explain('mission-ops', 'Query', 'seaAllegations');
    expect(sea).toMatchObject({ decision: 'DENIED', dataClass: 'SEA_ALLEGATION' });
    expect(sea.wouldGrant).toMatchObject({ grantable: true, recipientRole: 'conduct-and-discipline' });
    expect((await explain('public', 'Query', 'incidents')).wouldGrant).toMatchObject({ grantable: false, floor: expect.stringMatching(/sign in/) });
  });

  it('answers alike for a row that does not exist and one out of scope', async () => {
    const outOfScope = await explain('ngo-other', 'Incident', 'summary', elsewhere.id);
    const absent = await explain('ngo-other', 'Incident', 'summary', 'INC-MINUSCA-NO-SUCH-ROW');
    expect(outOfScope.decision).toBe('OUT_OF_SCOPE');
    expect({ ...absent, id: null }).toEqual({ ...outOfScope, id: null });
    const inOtherSubgraph = await explain('ngo-partner', 'Incident', 'summary', elsewhere.id);
    expect(inOtherSubgraph.decision).toBe('OUT_OF_SCOPE');
  });

  it('refuses bad questions with BAD_USER_INPUT naming the problem', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ typename: 'NoSuchType', field: 'id', id: 'x' }, /typename: "NoSuchType" is not an object type/],
      [{ typename: 'Incident', field: 'noSuchField', id: 'x' }, /Incident has no field "noSuchField"/],
      [{ typename: 'Incident', field: 'summary' }, /id: required/],
      [{ typename: 'CasualtyCount', field: 'total', id: 'x' }, /CasualtyCount rows cannot be looked up by id/],
      [{ typename: '__Schema', field: 'types', id: 'x' }, /not an object type/],
    ];
    for (const [variables, message] of cases) {
      const res = await t.query('ngo-partner', EXPLAIN, variables);
      expect(res.body.errors?.[0]?.extensions?.code, res.text).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0]?.message).toMatch(message);
    }
    const mixed = await t.query('ngo-partner', `{ mission(id: "MINUSCA") { id } explainAccess(typename: "Mission", field: "name", id: "MINUSCA") { decision } }`);
    expect(mixed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(mixed.body.errors?.[0]?.message).toMatch(/operation of its own/);
  });
});
