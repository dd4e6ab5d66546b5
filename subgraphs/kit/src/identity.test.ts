import { describe, expect, it } from 'vitest';
import { signIdentity, verifySignedIdentity, type Identity } from './identity';

const secret = 'a-deployment-signing-secret-of-32-chars!';
const identity: Identity = { subject: 'x@nrc', organizationId: 'nrc', organizationType: 'ingo', roles: ['field-coordinator'] };
const body = JSON.stringify({ query: '{ missions { nodes { id } } }' });

describe('signed identity', () => {
  it('a signature made by the gateway verifies and yields the same identity', () => {
    const result = verifySignedIdentity(secret, signIdentity(secret, identity, body), body);
    expect(result).toEqual({ ok: true, identity });
  });

  it('a signature is bound to the body: another body is refused', () => {
    const headers = signIdentity(secret, identity, body);
    expect(verifySignedIdentity(secret, headers, body.replace('missions', 'auditEvents'))).toEqual({ ok: false, reason: 'invalid gateway signature' });
  });

  it('a changed identity with the old signature is refused', () => {
    const headers = signIdentity(secret, identity, body);
    const forged = { ...identity, organizationId: 'oios', roles: ['audit-reader'] };
    headers['x-peacegraph-identity'] = Buffer.from(JSON.stringify(forged)).toString('base64url');
    expect(verifySignedIdentity(secret, headers, body).ok).toBe(false);
  });

  it('another key, a stale timestamp and missing headers are refused', () => {
    expect(verifySignedIdentity(secret, signIdentity('another-secret-another-secret-0000', identity, body), body).ok).toBe(false);
    expect(verifySignedIdentity(secret, signIdentity(secret, identity, body, Date.now() - 120_000), body)).toEqual({ ok: false, reason: 'gateway signature expired' });
    expect(verifySignedIdentity(secret, {}, body)).toEqual({ ok: false, reason: 'missing gateway signature' });
  });
});
