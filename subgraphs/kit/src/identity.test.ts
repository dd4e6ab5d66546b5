import { describe, expect, it } from 'vitest';
import { ReplayGuard, signIdentity, SIGNATURE_CLOCK_SKEW_MS, SIGNATURE_WINDOW_MS, verifySignedIdentity, type Identity } from './identity';

const secret = 'a-deployment-signing-secret-of-32-chars!';
const identity: Identity = { subject: 'x@nrc', organizationId: 'nrc', organizationType: 'ingo', roles: ['field-coordinator'] };
const body = JSON.stringify({ query: '{ missions { nodes { id } } }' });
const forMissions = { subgraph: 'missions' };

describe('signed identity', () => {
  it('a signature made by the gateway verifies and yields the same identity', () => {
    const result = verifySignedIdentity(secret, signIdentity(secret, identity, body, forMissions), body, forMissions);
    expect(result).toEqual({ ok: true, identity });
  });

  it('a signature is bound to the body: another body is refused', () => {
    const headers = signIdentity(secret, identity, body, forMissions);
    expect(verifySignedIdentity(secret, headers, body.replace('missions', 'auditEvents'), forMissions)).toEqual({ ok: false, reason: 'invalid gateway signature' });
  });

  it('a signature is bound to its target subgraph: one made for incidents is refused by missions', () => {
    const headers = signIdentity(secret, identity, body, { subgraph: 'incidents' });
    expect(verifySignedIdentity(secret, headers, body, forMissions)).toEqual({ ok: false, reason: 'invalid gateway signature' });
    expect(verifySignedIdentity(secret, headers, body, { subgraph: 'incidents' }).ok).toBe(true);
  });

  it('a changed identity or nonce with the old signature is refused', () => {
    const headers = signIdentity(secret, identity, body, forMissions);
    const forged = { ...identity, organizationId: 'oios', roles: ['audit-reader'] };
    expect(verifySignedIdentity(secret, { ...headers, 'x-peacegraph-identity': Buffer.from(JSON.stringify(forged)).toString('base64url') }, body, forMissions).ok).toBe(false);
    expect(verifySignedIdentity(secret, { ...headers, 'x-peacegraph-nonce': 'another' }, body, forMissions).ok).toBe(false);
  });

  it('another key, a timestamp outside the short window (past or future) and missing headers are refused', () => {
    const now = Date.now();
    expect(verifySignedIdentity(secret, signIdentity('another-secret-another-secret-0000', identity, body, forMissions), body, forMissions).ok).toBe(false);
    const at = (offset: number) => verifySignedIdentity(secret, signIdentity(secret, identity, body, { ...forMissions, now: now + offset }), body, { ...forMissions, now });
    expect(SIGNATURE_WINDOW_MS).toBeLessThanOrEqual(30_000);
    expect(at(-SIGNATURE_WINDOW_MS + 1000).ok).toBe(true);
    expect(at(-SIGNATURE_WINDOW_MS - 1)).toEqual({ ok: false, reason: 'gateway signature expired' });
    expect(at(SIGNATURE_CLOCK_SKEW_MS - 100).ok).toBe(true);
    expect(at(SIGNATURE_CLOCK_SKEW_MS + 1)).toEqual({ ok: false, reason: 'gateway signature dated in the future' });
    const { 'x-peacegraph-nonce': _nonce, ...withoutNonce } = signIdentity(secret, identity, body, forMissions);
    expect(verifySignedIdentity(secret, withoutNonce, body, forMissions)).toEqual({ ok: false, reason: 'missing gateway signature' });
    expect(verifySignedIdentity(secret, {}, body, forMissions)).toEqual({ ok: false, reason: 'missing gateway signature' });
  });

  it('with a replay guard, each signature is accepted once within its window', () => {
    const replays = new ReplayGuard();
    const headers = signIdentity(secret, identity, body, forMissions);
    expect(verifySignedIdentity(secret, headers, body, { ...forMissions, replays }).ok).toBe(true);
    expect(verifySignedIdentity(secret, headers, body, { ...forMissions, replays })).toEqual({ ok: false, reason: 'gateway signature already used' });
    // A fresh signature over the same body is a new request.
    expect(verifySignedIdentity(secret, signIdentity(secret, identity, body, forMissions), body, { ...forMissions, replays }).ok).toBe(true);
  });

  it('a forged signature does not use up a nonce', () => {
    const replays = new ReplayGuard();
    const headers = signIdentity(secret, identity, body, forMissions);
    expect(verifySignedIdentity(secret, { ...headers, 'x-peacegraph-signature': 'forged' }, body, { ...forMissions, replays }).ok).toBe(false);
    expect(verifySignedIdentity(secret, headers, body, { ...forMissions, replays }).ok).toBe(true);
  });

  it('the guard forgets nonces once they expired, and refuses (never forgets early) when full', () => {
    const guard = new ReplayGuard(2);
    expect(guard.firstUse('a', 1000, 0)).toBe(true);
    expect(guard.firstUse('b', 1000, 0)).toBe(true);
    expect(guard.firstUse('c', 1000, 10)).toBe(false);
    expect(guard.firstUse('a', 1000, 10)).toBe(false);
    expect(guard.firstUse('c', 3000, 2000)).toBe(true);
    expect(guard.size).toBe(1);
  });
});
