// Issue 16: a write is decided on the organisation directory (policy.organizations and
// policy.organization_roles), not on the type and roles a token claims. Through the gateway.
import { sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

const REPORT = `mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`;

/** A token exactly as our issuer would sign it, with whatever claims the test gives. */
function token(org: string, orgType: string, roles: string[]): Promise<string> {
  return new SignJWT({ org, org_type: orgType, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`someone@${org}`)
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

for (const kind of TEST_DATABASES) {
  describe(`writes are decided on the organisation directory (${kind.label})`, () => {
    let t: TestStack;
    let reports = 0;
    beforeAll(async () => {
      t = await startTestStack(kind);
    }, 120_000);
    afterAll(async () => {
      await t?.stop();
    });

    async function report(bearer: string) {
      const input = { clientKey: `directory-writes-${++reports}`, missionId: 'MINUSCA', eventDate: '2025-06-01', subEventType: 'ATTACK', adminAreaPcode: 'CF71', latitude: 4.4, longitude: 18.6, fatalities: 1, summary: 'Directory test report.' };
      const res = await fetch(t.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: REPORT, variables: { input } }),
      });
      return (await res.json()) as { data?: { reportIncident?: { incident: { id: string } } | null } | null; errors?: { message: string; extensions?: { code?: string } }[] };
    }

    async function incidentCount(): Promise<number> {
      const rows = await t.database.db.execute(sql`select count(*)::int as n from incidents.incidents`);
      return Number((rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? (rows as unknown as { n: number }[])[0]!.n);
    }

    async function setRole(present: boolean): Promise<void> {
      if (present) await t.database.db.execute(sql`insert into policy.organization_roles (organization_id, role) values ('minusca', 'joint-operations-centre') on conflict do nothing`);
      else await t.database.db.execute(sql`delete from policy.organization_roles where organization_id = 'minusca' and role = 'joint-operations-centre'`);
    }

    it("a role the directory lists for the caller's organisation lets it write", async () => {
      const ok = await report(await token('minusca', 'mission', ['joint-operations-centre']));
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.reportIncident?.incident.id).toBeTruthy();
    });

    it('a role the token claims but the directory no longer lists is refused, and nothing is written', async () => {
      const bearer = await token('minusca', 'mission', ['joint-operations-centre']);
      await setRole(false);
      try {
        const before = await incidentCount();
        const refused = await report(bearer);
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(refused.errors?.[0]?.message).toMatch(/reportIncident: only MINUSCA staff with one of the roles joint-operations-centre/);
        expect(await incidentCount()).toBe(before);
      } finally {
        await setRole(true);
      }
      // Listed again: the same token writes on the next request (no restart, no cache to wait for).
      expect((await report(bearer)).errors).toBeUndefined();
    });

    it("an organisation type the token claims is not believed: a mission's id with another type in the directory is refused", async () => {
      await t.database.db.execute(sql`update policy.organizations set type = 'ingo' where id = 'minusca'`);
      try {
        const refused = await report(await token('minusca', 'mission', ['joint-operations-centre']));
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      } finally {
        await t.database.db.execute(sql`update policy.organizations set type = 'mission' where id = 'minusca'`);
      }
    });

    it("a token claiming 'mission' for an organisation the directory lists as an NGO writes nowhere: mandates, escorts, incidents", async () => {
      const gql = async (bearer: string, query: string, variables: Record<string, unknown>) => {
        const res = await fetch(t.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as { data?: Record<string, { id: string; status?: string } | null> | null; errors?: { extensions?: { code?: string } }[] };
      };
      const MEASURE = `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
      const ESCORT = `mutation ($input: EscortRequestInput!) { saveEscortRequest(input: $input) { id status } }`;
      const DECIDE = `mutation ($id: ID!, $k: String!) { decideEscortRequest(id: $id, decision: APPROVE, clientKey: $k) { id status } }`;
      const rows = await t.database.db.execute(sql`select id from missions.indicators where mission_id = 'MINUSCA' order by id limit 1`);
      const indicatorId = String(((rows as unknown as { rows?: { id: string }[] }).rows ?? (rows as unknown as { id: string }[]))[0]!.id);
      const escort = await gql(await token('nrc', 'ingo', ['field-coordinator']), ESCORT, {
        input: { clientKey: 'directory-writes-escort', missionId: 'MINUSCA', requestedDate: '2030-05-04', purpose: 'Directory test convoy', route: [{ adminAreaPcode: 'CF71' }, { adminAreaPcode: 'CF431' }] },
      });
      expect(escort.errors).toBeUndefined();
      const escortId = escort.data!.saveEscortRequest!.id;
      const claimsMission = await token('minusca', 'mission', ['mission-headquarters', 'civil-military-coordination', 'joint-operations-centre']);

      await t.database.db.execute(sql`update policy.organizations set type = 'ingo' where id = 'minusca'`);
      try {
        const measure = await gql(claimsMission, MEASURE, { input: { clientKey: 'directory-writes-m1', indicatorId, measuredOn: '2025-01-15', value: '1' } });
        expect(measure.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const decide = await gql(claimsMission, DECIDE, { id: escortId, k: 'directory-writes-d1' });
        expect(decide.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await report(claimsMission)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      } finally {
        await t.database.db.execute(sql`update policy.organizations set type = 'mission' where id = 'minusca'`);
      }
      // The same token, once the directory says 'mission' again: the refusals above were the directory's type, nothing else.
      expect((await gql(claimsMission, MEASURE, { input: { clientKey: 'directory-writes-m2', indicatorId, measuredOn: '2025-01-15', value: '1' } })).errors).toBeUndefined();
      const approved = await gql(claimsMission, DECIDE, { id: escortId, k: 'directory-writes-d2' });
      expect(approved.errors).toBeUndefined();
      expect(approved.data!.decideEscortRequest!.status).toBe('APPROVED');
    });

    it('an organisation missing from the directory has no role at all', async () => {
      const refused = await report(await token('not-in-directory', 'mission', ['joint-operations-centre']));
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
}
