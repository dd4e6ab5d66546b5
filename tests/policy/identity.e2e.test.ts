// Issue 3: identity at the gateway and signed identity at every subgraph.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { signIdentity } from '@peacegraph/kit';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

const AUDIT_QUERY = '{ auditEvents(page: { first: 5 }) { nodes { id dataClass decision } } }';

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function token(claims: Record<string, unknown>, opts: { secret?: string; issuer?: string; audience?: string; exp?: number | string } = {}) {
  return new SignJWT({ org: 'oios', org_type: 'oversight', roles: ['audit-reader'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('investigator@oios')
    .setIssuer(opts.issuer ?? DEFAULT_ISSUER)
    .setAudience(opts.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '5m')
    .sign(new TextEncoder().encode(opts.secret ?? TEST_JWT_SECRET));
}

describe('identity', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack(TEST_DATABASES[0]!);
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function post(body: unknown, headers: Record<string, string> = {}, url = t.gatewayUrl) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  }

  it('lets a valid oversight token read the audit log', async () => {
    const res = await post({ query: AUDIT_QUERY }, { authorization: `Bearer ${await token({})}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).data.auditEvents.nodes).toBeInstanceOf(Array);
  });

  const forged: [string, () => Promise<string>, RegExp][] = [
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', org: 'oios', roles: [], iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.`, /malformed|algorithm/i],
    ['wrong key', () => token({}, { secret: 'another-secret-that-is-long-enough-000000' }), /signature/i],
    ['expired', () => token({}, { exp: Math.floor(Date.now() / 1000) - 60 }), /expired/i],
    ['wrong audience', () => token({}, { audience: 'someone-else' }), /"aud"/],
    ['wrong issuer', () => token({}, { issuer: 'https://evil.example' }), /"iss"/],
    ['no organisation claim', () => token({ org: undefined }), /"org"/],
  ];
  for (const [name, make, reason] of forged) {
    it(`refuses a forged token (${name}) with 401 and a clear reason, not a downgrade to public`, async () => {
      const res = await post({ query: '{ missions { nodes { id } } }' }, { authorization: `Bearer ${await make()}` });
      expect(res.status).toBe(401);
      const error = JSON.parse(res.text).errors[0];
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(reason);
      expect(res.text).not.toMatch(/"data"/);
    });
  }

  it('refuses a malformed Authorization header with 401', async () => {
    const res = await post({ query: '{ missions { nodes { id } } }' }, { authorization: 'Basic abc' });
    expect(res.status).toBe(401);
  });

  it('ignores identity and signature headers sent by a client', async () => {
    const pretend = signIdentity('guessed-secret', { subject: 'x', organizationId: 'oios', organizationType: 'oversight', roles: [] }, '', { subgraph: 'missions' });
    const plain = await post({ query: AUDIT_QUERY });
    const withHeaders = await post({ query: AUDIT_QUERY }, pretend);
    expect(withHeaders.status).toBe(plain.status);
    const a = JSON.parse(plain.text);
    const b = JSON.parse(withHeaders.text);
    expect(b.data).toEqual(a.data);
    expect(b.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', dataClass: 'AUDIT' });
  });

  describe('direct subgraph calls', () => {
    const queries = {
      query: '{ __typename }',
      _service: '{ _service { sdl } }',
      _entities: '{ _entities(representations: [{ __typename: "Mission", id: "MINUSCA" }]) { __typename } }',
    };
    for (const name of ['missions', 'incidents', 'humanitarian', 'finance']) {
      for (const [label, query] of Object.entries(queries)) {
        it(`${name}: unsigned ${label} → 401`, async () => {
          const res = await post({ query }, {}, t.subgraphUrl(name));
          expect(res.status).toBe(401);
          expect(res.text).not.toMatch(/sdl|MINUSCA/);
        });
      }

      it(`${name}: a signature over another body, or with another key, or too old → 401`, async () => {
        const identity = { subject: 's', organizationId: 'oios', organizationType: 'oversight', roles: [] };
        const body = JSON.stringify({ query: queries._service });
        const cases: Record<string, string>[] = [
          signIdentity(t.signingSecret, identity, JSON.stringify({ query: '{ __typename }' }), { subgraph: name }),
          signIdentity('not-the-deployment-secret-0123456789', identity, body, { subgraph: name }),
          signIdentity(t.signingSecret, identity, body, { subgraph: name, now: Date.now() - 10 * 60_000 }),
          // Made for another subgraph (issue 15: a signature binds its target).
          signIdentity(t.signingSecret, identity, body, { subgraph: name === 'missions' ? 'incidents' : 'missions' }),
        ];
        for (const headers of cases) {
          const res = await fetch(t.subgraphUrl(name), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
          expect(res.status).toBe(401);
        }
      });

      it(`${name}: a correctly signed request is answered`, async () => {
        const body = JSON.stringify({ query: queries._service });
        const headers = signIdentity(t.signingSecret, { subject: 'gw', organizationId: null, organizationType: null, roles: [] }, body, { subgraph: name });
        const res = await fetch(t.subgraphUrl(name), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { data: { _service: { sdl: string } } }).data._service.sdl).toMatch(/type Query/);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
      });
    }
  });
});
