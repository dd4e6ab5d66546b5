// Issue 16: data-sharing agreements managed in the graph, end to end through the gateway over
// HTTP on PGlite and PostgreSQL: request → approve (narrowed) → served at once → revoke → gone;
// hard floors, bad input (nothing changed), races, history and audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementHistory, agreements, auditEvents } from '@peacegraph/kit';
import { and, eq, isNotNull, like, ne } from 'drizzle-orm';
import { operationalPresence } from '../../subgraphs/humanitarian/src/operational-presence/operational-presence.table';
import { TEST_DATABASES } from '../databases';
import { startTestStack, type GraphQLResponse, type TestStack } from '../harness';

const AGREEMENT_FIELDS = 'id provider recipientOrganizationId dataClasses missionIds adminAreaPcodes validFrom validUntil status effectiveStatus inForce version history { version action actorSubject reason before { validUntil dataClasses } after { validUntil status } }';

const REQUEST = `mutation Request($input: RequestAgreementInput!) { requestAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const change = (name: string) => `mutation Change($input: AgreementChangeInput!) { ${name}(input: $input) { ${AGREEMENT_FIELDS} } }`;
const INCIDENTS = `query Incidents($after: String) { incidents(filter: { missionId: "MINUSCA" }, page: { first: 500, after: $after }) {
  nodes { id adminAreaPcode location { precision } } pageInfo { hasNextPage endCursor } } }`;

interface IncidentRow {
  id: string;
  adminAreaPcode: string;
  location: { precision: string };
}

type IncidentsAnswer = { incidents: { nodes: IncidentRow[]; pageInfo: { hasNextPage: boolean; endCursor: string } } | null };

const requestInput = (clientKey: string, extra: Record<string, unknown> = {}) => ({
  clientKey,
  provider: 'minusca',
  dataClasses: ['PARTNER'],
  adminAreaPcodes: ['CF43'],
  purpose: 'Plan distributions in Ouaka.',
  validFrom: '2024-01-01T00:00:00Z',
  validUntil: '2030-01-01T00:00:00Z',
  ...extra,
});

describe.each(TEST_DATABASES)('agreements in the graph ($label)', (kind) => {
  let t: TestStack;

  async function incidentsAs(audience: string): Promise<IncidentRow[]> {
    const rows: IncidentRow[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<IncidentsAnswer> = await t.query<IncidentsAnswer>(audience, INCIDENTS, { after });
      const page = res.body.data?.incidents;
      if (!page) return rows;
      rows.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return rows;
      after = page.pageInfo.endCursor;
    }
  }

  async function agreementRows() {
    return t.database.db.select().from(agreements).orderBy(agreements.id);
  }

  beforeAll(async () => {
    t = await startTestStack(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('request → nothing yet → approve narrowed → exactly the area, coarsened → revoke → nothing', async () => {
    // Ground truth: what MINUSCA's own staff see of Ouaka (CF43 and the districts under it).
    const truth = (await incidentsAs('mission-ops')).filter((r) => r.adminAreaPcode.startsWith('CF43')).map((r) => r.id).sort();
    expect(truth.length).toBeGreaterThan(0);

    const requested = await t.query<{ requestAgreement: { id: string; status: string; version: number } }>('ngo-other', REQUEST, { input: requestInput('flow-1') });
    expect(requested.body.errors).toBeUndefined();
    const id = requested.body.data!.requestAgreement.id;
    expect(requested.body.data!.requestAgreement).toMatchObject({ status: 'REQUESTED', effectiveStatus: 'REQUESTED', inForce: false, recipientOrganizationId: 'caritas-bangui' });
    expect(await incidentsAs('ngo-other')).toEqual([]);

    // The provider sees the pending request; the recipient sees its own.
    const pending = await t.query<{ agreements: { id: string }[] }>('mission-data-owner', '{ agreements(filter: { party: PROVIDER, status: "REQUESTED" }) { id } }');
    expect(pending.body.data!.agreements.map((a) => a.id)).toContain(id);

    const approved = await t.query<{ approveAgreement: { status: string; validUntil: string; version: number; history: { action: string }[] } }>('mission-data-owner', change('approveAgreement'), {
      input: { clientKey: 'approve-1', id, expectedVersion: 1, narrowing: { validUntil: '2028-06-30T00:00:00Z' }, reason: 'Until the end of the response plan.' },
    });
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data!.approveAgreement).toMatchObject({ status: 'ACTIVE', validUntil: '2028-06-30T00:00:00.000Z', version: 2 });
    expect(approved.body.data!.approveAgreement.history.map((h) => h.action)).toEqual(['requested', 'approved']);

    // The next request sees exactly the incidents of that area, coarsened.
    const seen = await incidentsAs('ngo-other');
    expect(seen.map((r) => r.id).sort()).toEqual(truth);
    expect(new Set(seen.map((r) => r.location.precision))).toEqual(new Set(['ADMIN_AREA_CENTROID']));

    const access = await t.query<{ myAccess: { organizationType: string; grants: { agreementId: string; dataClasses: string[]; adminAreaPcodes: string[]; until: string }[] } }>(
      'ngo-other',
      '{ myAccess { organizationType grants { agreementId dataClasses missionIds adminAreaPcodes until } expiringSoon { agreementId } } }',
    );
    expect(access.body.data!.myAccess.organizationType).toBe('nngo');
    expect(access.body.data!.myAccess.grants).toEqual([{ agreementId: id, dataClasses: ['PARTNER'], missionIds: ['MINUSCA'], adminAreaPcodes: ['CF43'], until: '2028-06-30T00:00:00.000Z' }]);

    const revoked = await t.query<{ revokeAgreement: { effectiveStatus: string } }>('mission-data-owner', change('revokeAgreement'), {
      input: { clientKey: 'revoke-1', id, reason: 'Pilot ended.' },
    });
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data!.revokeAgreement.effectiveStatus).toBe('REVOKED');
    expect(await incidentsAs('ngo-other')).toEqual([]);

    // Every change is in the append-only history and in the audit log oversight reads.
    const history = await t.database.db.select().from(agreementHistory).where(eq(agreementHistory.agreementId, id));
    expect(history.map((h) => [h.action, h.actorSubject])).toEqual([
      ['requested', 'staff@caritas-bangui'],
      ['approved', 'imo@minusca'],
      ['revoked', 'imo@minusca'],
    ]);
    const audit = await t.query<{ auditEvents: { nodes: { field: string; decision: string; subject: string }[] } }>(
      'oversight',
      `{ auditEvents(filter: { entityType: "Agreement", entityId: "${id}" }) { nodes { field decision subject } } }`,
    );
    expect(audit.body.data!.auditEvents.nodes.map((n) => [n.field, n.decision])).toEqual([
      ['revoked', 'REVOKED'],
      ['approved', 'ACTIVE'],
      ['requested', 'REQUESTED'],
    ]);
    await expect(t.database.exec(`update policy.agreement_history set reason = 'x'`)).rejects.toThrow(/append-only/);
  });

  it("opens only the provider's data: MINUSCA's agreement with NRC opens no PARTNER remarks of other NGOs' 3W rows, in the graph or the HXL export", async () => {
    const graph = await t.query<{ operationalPresence: { nodes: { id: string; organizationId: string; remarks: string | null }[] } }>(
      'ngo-partner',
      '{ operationalPresence(filter: { adminAreaPcode: "CF43" }, page: { first: 500 }) { nodes { id organizationId remarks } } }',
    );
    const nodes = graph.body.data!.operationalPresence.nodes;
    const others = nodes.filter((n) => n.organizationId !== 'nrc');
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((n) => n.remarks !== null)).toEqual([]);
    // Ground truth from the table: the other organisations' remarks that exist in these areas.
    const withRemarks = await t.database.db
      .select({ id: operationalPresence.id, remarks: operationalPresence.remarks })
      .from(operationalPresence)
      .where(and(like(operationalPresence.adminAreaPcode, 'CF43%'), ne(operationalPresence.organizationId, 'nrc'), isNotNull(operationalPresence.remarks)));
    expect(withRemarks.length).toBeGreaterThan(0);
    const token = await t.tokenFor('ngo-partner');
    const csv = await (await fetch(t.gatewayUrl.replace(/\/graphql$/, '/export/humanitarian/3w.csv?adminAreaPcode=CF43'), { headers: { authorization: `Bearer ${token}` } })).text();
    const lines = csv.split('\r\n').filter((l) => l !== '').slice(2);
    expect(lines).toHaveLength(nodes.length); // the export holds the graph's rows for the same caller
    for (const row of withRemarks) {
      expect(lines.some((l) => l.includes(row.id)), row.id).toBe(true);
      expect(csv).not.toContain(row.remarks!);
    }
  });

  it('refuses every hard floor, naming it, and changes nothing', async () => {
    const before = await agreementRows();
    const floors: [string, Record<string, unknown>, RegExp][] = [
      ['ngo-other', { dataClasses: ['VICTIM_IDENTITY'] }, /VICTIM_IDENTITY cannot be granted: .*never granted to nngo/],
      ['ngo-other', { dataClasses: ['SOURCE_IDENTITY'], recipientRole: 'field-coordinator' }, /never granted to nngo/],
      ['donor', { dataClasses: ['PERPETRATOR_IDENTITY'] }, /never granted to donor/],
      ['ngo-other', { dataClasses: ['SEA_ALLEGATION'] }, /only to the conduct-and-discipline role/],
      ['mission-ops', { dataClasses: ['VICTIM_IDENTITY'] }, /only to a named role/],
      ['ngo-other', { dataClasses: ['DONOR_CONFIDENTIAL'] }, /does not own DONOR_CONFIDENTIAL/],
      ['ngo-other', { provider: 'nrc', dataClasses: ['UN_INTERNAL'], adminAreaPcodes: null }, /non-mission organisation provider does not own UN_INTERNAL/],
    ];
    for (const [audience, extra, message] of floors) {
      const res = await t.query(audience, REQUEST, { input: requestInput(`floor-${JSON.stringify(extra)}`, extra) });
      expect(res.body.errors?.[0]?.extensions?.code, JSON.stringify(extra)).toBe('FORBIDDEN');
      expect(res.body.errors?.[0]?.message).toMatch(message);
    }
    expect(await agreementRows()).toEqual(before);
  });

  it('refuses bad input with BAD_USER_INPUT / FORBIDDEN / CONFLICT naming the problem, and changes nothing', async () => {
    const seeded = 'nrc-ouham-request';
    const before = await agreementRows();
    const cases: [string, string, Record<string, unknown>, string, RegExp][] = [
      ['ngo-other', REQUEST, { input: requestInput('bad-1', { provider: 'nobody' }) }, 'BAD_USER_INPUT', /input.provider: no organisation 'nobody'/],
      ['ngo-other', REQUEST, { input: requestInput('bad-2', { adminAreaPcodes: ['CD61'] }) }, 'BAD_USER_INPUT', /CD61 is not under MINUSCA/],
      // Well-formed but not a seeded area: the reference table refuses it; a malformed one the PCode scalar does.
      ['ngo-other', REQUEST, { input: requestInput('bad-3', { adminAreaPcodes: ['CF99'] }) }, 'BAD_USER_INPUT', /no admin area CF99/],
      ['ngo-other', REQUEST, { input: requestInput('bad-3b', { adminAreaPcodes: ['CF43', 'XX99'] }) }, 'BAD_USER_INPUT', /"input\.adminAreaPcodes\[1\]".*p-code/],
      ['ngo-other', REQUEST, { input: requestInput('bad-4', { validUntil: '2023-01-01T00:00:00Z' }) }, 'BAD_USER_INPUT', /input.validUntil: must be after validFrom/],
      ['ngo-other', REQUEST, { input: requestInput('bad-5', { dataClasses: ['EVERYTHING'] }) }, 'BAD_USER_INPUT', /unknown or ungrantable class EVERYTHING/],
      ['ngo-other', REQUEST, { input: requestInput('bad-6', { validFrom: '2025-02-30T00:00:00Z' }) }, 'BAD_USER_INPUT', /input.validFrom/],
      ['ngo-other', REQUEST, { input: requestInput('bad-7', { missionIds: ['MONUSCO'] }) }, 'FORBIDDEN', /provides only MINUSCA's data/],
      ['public', REQUEST, { input: requestInput('bad-8') }, 'FORBIDDEN', /sign in/],
      ['ngo-partner', change('approveAgreement'), { input: { clientKey: 'bad-9', id: seeded } }, 'FORBIDDEN', /only minusca's data owner/],
      ['mission-ops', change('approveAgreement'), { input: { clientKey: 'bad-10', id: seeded } }, 'FORBIDDEN', /only minusca's data owner/],
      ['mission-data-owner', change('approveAgreement'), { input: { clientKey: 'bad-11', id: seeded, narrowing: { adminAreaPcodes: ['CF32', 'CF71'] } } }, 'FORBIDDEN', /adminAreaPcodes goes beyond .* widening needs the recipient's new request/],
      ['mission-data-owner', change('approveAgreement'), { input: { clientKey: 'bad-12', id: seeded, narrowing: { validUntil: '2029-01-01T00:00:00Z' } } }, 'FORBIDDEN', /validUntil is later than agreed/],
      ['mission-data-owner', change('approveAgreement'), { input: { clientKey: 'bad-13', id: seeded, expectedVersion: 7 } }, 'CONFLICT', /at version 1/],
      ['mission-data-owner', change('revokeAgreement'), { input: { clientKey: 'bad-14', id: seeded, reason: 'x' } }, 'CONFLICT', /is REQUESTED; revokeAgreement needs ACTIVE/],
      ['mission-data-owner', change('revokeAgreement'), { input: { clientKey: 'bad-15', id: 'minusca-joc' } }, 'BAD_USER_INPUT', /input.reason: is required/],
      ['mission-data-owner', change('rejectAgreement'), { input: { clientKey: 'bad-16', id: 'no-such-agreement', reason: 'x' } }, 'BAD_USER_INPUT', /no agreement 'no-such-agreement' that your organisation is party to/],
      ['ngo-other', change('revokeAgreement'), { input: { clientKey: 'bad-17', id: 'nrc-car-access', reason: 'x' } }, 'BAD_USER_INPUT', /no agreement 'nrc-car-access' that your organisation is party to/],
    ];
    for (const [audience, query, variables, code, message] of cases) {
      const res = await t.query(audience, query, variables);
      expect(res.body.errors?.[0]?.extensions?.code, `${audience} ${JSON.stringify(variables)}: ${res.text}`).toBe(code);
      expect(res.body.errors?.[0]?.message).toMatch(message);
    }
    expect(await agreementRows()).toEqual(before);
  });

  it('refuses approving one’s own request and acting on a revoked agreement; a retry with the same key returns the first result', async () => {
    // A mission data owner asks its own mission for something (an internal request) and may not approve it themself.
    const own = await t.query<{ requestAgreement: { id: string } }>('mission-data-owner', REQUEST, { input: requestInput('own-1', { recipientRole: 'data-owner' }) });
    expect(own.body.errors).toBeUndefined();
    const ownId = own.body.data!.requestAgreement.id;
    const self = await t.query('mission-data-owner', change('approveAgreement'), { input: { clientKey: 'own-approve', id: ownId } });
    expect(self.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(self.body.errors?.[0]?.message).toMatch(/you requested this agreement/);

    const again = await t.query<{ requestAgreement: { id: string } }>('mission-data-owner', REQUEST, { input: requestInput('own-1', { recipientRole: 'data-owner' }) });
    expect(again.body.data!.requestAgreement.id).toBe(ownId);
    const reused = await t.query('mission-data-owner', REQUEST, { input: requestInput('own-1', { purpose: 'Something else.' }) });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const req = await t.query<{ requestAgreement: { id: string } }>('ngo-other', REQUEST, { input: requestInput('revoked-1') });
    const id = req.body.data!.requestAgreement.id;
    await t.query('mission-data-owner', change('approveAgreement'), { input: { clientKey: 'revoked-approve', id } });
    const first = await t.query<{ revokeAgreement: { version: number } }>('mission-data-owner', change('revokeAgreement'), { input: { clientKey: 'revoked-revoke', id, reason: 'Done.' } });
    const retry = await t.query<{ revokeAgreement: { version: number } }>('mission-data-owner', change('revokeAgreement'), { input: { clientKey: 'revoked-revoke', id, reason: 'Done.' } });
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.revokeAgreement.version).toBe(first.body.data!.revokeAgreement.version);
    const onRevoked = await t.query('mission-data-owner', change('amendAgreement'), { input: { clientKey: 'revoked-amend', id, reason: 'x', narrowing: { validUntil: '2027-01-01T00:00:00Z' } } });
    expect(onRevoked.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(onRevoked.body.errors?.[0]?.message).toMatch(/is REVOKED/);
  });

  it('amending narrows at once and keeps the old version readable', async () => {
    const req = await t.query<{ requestAgreement: { id: string } }>('ngo-other', REQUEST, { input: requestInput('amend-1', { adminAreaPcodes: ['CF43', 'CF71'] }) });
    const id = req.body.data!.requestAgreement.id;
    await t.query('mission-data-owner', change('approveAgreement'), { input: { clientKey: 'amend-approve', id } });
    const wide = (await incidentsAs('ngo-other')).map((r) => r.adminAreaPcode.slice(0, 4));
    expect(new Set(wide)).toEqual(new Set(['CF43', 'CF71']));
    const amended = await t.query<{ amendAgreement: { adminAreaPcodes: string[]; history: { action: string; before: { dataClasses: string[] } | null }[] } }>(
      'mission-data-owner',
      `mutation { amendAgreement(input: { clientKey: "amend-2", id: "${id}", reason: "Bangui handed to the city.", narrowing: { adminAreaPcodes: ["CF43"] } }) { adminAreaPcodes history { action before { adminAreaPcodes } after { adminAreaPcodes } } } }`,
    );
    expect(amended.body.errors).toBeUndefined();
    expect(amended.body.data!.amendAgreement.adminAreaPcodes).toEqual(['CF43']);
    expect(amended.body.data!.amendAgreement.history.at(-1)).toEqual({ action: 'amended', before: { adminAreaPcodes: ['CF43', 'CF71'] }, after: { adminAreaPcodes: ['CF43'] } });
    expect(new Set((await incidentsAs('ngo-other')).map((r) => r.adminAreaPcode.slice(0, 4)))).toEqual(new Set(['CF43']));
    await t.query('mission-data-owner', change('revokeAgreement'), { input: { clientKey: 'amend-revoke', id, reason: 'Test done.' } });
  });

  it('concurrent approve and revoke/reject of one agreement: exactly one outcome', async () => {
    for (let round = 0; round < 3; round++) {
      const req = await t.query<{ requestAgreement: { id: string } }>('ngo-other', REQUEST, { input: requestInput(`race-${round}`) });
      const id = req.body.data!.requestAgreement.id;
      const answers = await Promise.all([
        t.query('mission-data-owner', change('approveAgreement'), { input: { clientKey: `race-approve-${round}`, id, expectedVersion: 1 } }),
        t.query('mission-data-owner', change('rejectAgreement'), { input: { clientKey: `race-reject-${round}`, id, expectedVersion: 1, reason: 'No.' } }),
      ]);
      const won = answers.filter((a) => !a.body.errors);
      expect(won).toHaveLength(1);
      expect(answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
      const [row] = await t.database.db.select().from(agreements).where(eq(agreements.id, id));
      expect(row!.version).toBe(2);
      const history = await t.database.db.select().from(agreementHistory).where(eq(agreementHistory.agreementId, id));
      expect(history).toHaveLength(2);
      if (row!.status === 'ACTIVE') await t.query('mission-data-owner', change('revokeAgreement'), { input: { clientKey: `race-cleanup-${round}`, id, reason: 'Cleanup.' } });
    }
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityType, 'Agreement'));
    expect(events.length).toBeGreaterThan(0);
  });

  it('names need to know: identities reach the joint operations centre, not every holder of the mission’s organisation claim', async () => {
    const q = '{ incidents(filter: { missionId: "MINUSCA" }, page: { first: 50 }) { nodes { id victims { id } } } }';
    const joc = await t.query<{ incidents: { nodes: { victims: unknown[] | null }[] } }>('mission-ops', q);
    expect(joc.body.data!.incidents.nodes.some((n) => (n.victims ?? []).length > 0)).toBe(true);
    const owner = await t.query<{ incidents: { nodes: { victims: unknown[] | null }[] } }>('mission-data-owner', q);
    expect(owner.body.data!.incidents.nodes.every((n) => n.victims === null)).toBe(true);
    expect(owner.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'VICTIM_IDENTITY' });
  });
});
