import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { SettingError } from '@peacegraph/kit';
import { AuthenticationError, createAuthenticator, DEFAULT_AUDIENCE, DEFAULT_ISSUER, jwtConfigFromEnv, TOKEN_CLOCK_SKEW_SECONDS } from './auth';

const claims = { org: 'ocha', org_type: 'un-agency', roles: ['humanitarian-coordination'] };

function token(alg: string, key: Parameters<SignJWT['sign']>[0], kid?: string) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject('analyst@ocha')
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setExpirationTime('5m')
    .sign(key);
}

describe('production token verification', () => {
  it('accepts RS256 tokens signed by the configured PEM key, and nothing signed otherwise', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const authenticate = await createAuthenticator({ kind: 'pem', publicKeyPem: pem, algorithm: 'RS256', issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
    expect(await authenticate(`Bearer ${await token('RS256', privateKey)}`)).toMatchObject({ organizationId: 'ocha', roles: ['humanitarian-coordination'] });

    // Algorithm confusion: an HS256 token keyed with the public key's text must not pass.
    const confused = await token('HS256', new TextEncoder().encode(pem));
    await expect(authenticate(`Bearer ${confused}`)).rejects.toBeInstanceOf(AuthenticationError);
    const other = await generateKeyPair('RS256');
    await expect(authenticate(`Bearer ${await token('RS256', other.privateKey)}`)).rejects.toThrow(/signature/);
  });

  it('accepts ES256 tokens whose key is published at the JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks.json`;
      const authenticate = await createAuthenticator({ kind: 'jwks', url, algorithms: ['ES256'], issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
      expect((await authenticate(`Bearer ${await token('ES256', privateKey, 'k1')}`)).organizationId).toBe('ocha');
    } finally {
      server.close();
    }
  });

  it('refuses a shared-secret configuration in production', () => {
    expect(() => jwtConfigFromEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/JWT_JWKS_URL or JWT_PUBLIC_KEY/);
  });

  it('refuses to start without an explicit JWT_ISSUER and JWT_AUDIENCE in production', () => {
    const keyed = { NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json' };
    expect(() => jwtConfigFromEnv(keyed)).toThrow('Production needs an explicit JWT_ISSUER and JWT_AUDIENCE');
    expect(() => jwtConfigFromEnv({ ...keyed, JWT_ISSUER: 'https://idp.example' })).toThrow('Production needs an explicit JWT_AUDIENCE');
    expect(() => jwtConfigFromEnv({ ...keyed, JWT_AUDIENCE: 'peacegraph-prod', JWT_ISSUER: '' })).toThrow('Production needs an explicit JWT_ISSUER');
    expect(jwtConfigFromEnv({ ...keyed, JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'peacegraph-prod' })).toMatchObject({ kind: 'jwks', issuer: 'https://idp.example', audience: 'peacegraph-prod' });
  });
});

describe('a PEM public key without JWT_ALGORITHM: the algorithm follows the key', () => {
  const production = { NODE_ENV: 'production', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'peacegraph-prod' };
  const spki = (type: 'ec' | 'rsa' | 'ed25519', options: object = {}) =>
    generateKeyPairSync(type as 'ec', { ...options, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } } as never) as unknown as {
      publicKey: string;
      privateKey: string;
    };

  it.each([
    ['ES256', 'ec', { namedCurve: 'P-256' }],
    ['ES384', 'ec', { namedCurve: 'P-384' }],
    ['ES512', 'ec', { namedCurve: 'P-521' }],
    ['RS256', 'rsa', { modulusLength: 2048 }],
  ] as const)('%s for a %s key %o: starts, and accepts tokens signed by it', async (alg, type, options) => {
    const pair = spki(type, options);
    const config = jwtConfigFromEnv({ ...production, JWT_PUBLIC_KEY: pair.publicKey });
    expect(config).toMatchObject({ kind: 'pem', algorithm: alg });
    const authenticate = await createAuthenticator(config);
    const { importPKCS8 } = await import('jose');
    const signed = await new SignJWT(claims).setProtectedHeader({ alg }).setSubject('analyst@ocha').setIssuer(production.JWT_ISSUER).setAudience(production.JWT_AUDIENCE).setExpirationTime('5m').sign(await importPKCS8(pair.privateKey, alg));
    expect((await authenticate(`Bearer ${signed}`)).organizationId).toBe('ocha');
  });

  it('JWT_ALGORITHM may pick another RSA algorithm, but never one that does not fit the key', () => {
    const rsa = spki('rsa', { modulusLength: 2048 }).publicKey;
    expect(jwtConfigFromEnv({ ...production, JWT_PUBLIC_KEY: rsa, JWT_ALGORITHM: 'PS256' })).toMatchObject({ algorithm: 'PS256' });
    expect(() => jwtConfigFromEnv({ ...production, JWT_PUBLIC_KEY: rsa, JWT_ALGORITHM: 'ES256' })).toThrow('JWT_ALGORITHM=ES256 does not fit JWT_PUBLIC_KEY (an RSA key');
    const p384 = spki('ec', { namedCurve: 'P-384' }).publicKey;
    expect(() => jwtConfigFromEnv({ ...production, JWT_PUBLIC_KEY: p384, JWT_ALGORITHM: 'ES256' })).toThrow('JWT_ALGORITHM=ES256 does not fit JWT_PUBLIC_KEY (an EC P-384 key: ES384); unset it to follow the key.');
    expect(jwtConfigFromEnv({ ...production, JWT_PUBLIC_KEY: p384, JWT_ALGORITHM: 'ES384' })).toMatchObject({ algorithm: 'ES384' });
  });

  it('stops with one line for a key it cannot use', () => {
    const refused = (pem: string) => () => jwtConfigFromEnv({ ...production, JWT_PUBLIC_KEY: pem });
    const ed = spki('ed25519');
    expect(refused(ed.publicKey)).toThrow('JWT_PUBLIC_KEY is an ed25519 key; RSA and EC keys on P-256, P-384 or P-521 are supported.');
    expect(refused(spki('ec', { namedCurve: 'secp256k1' }).publicKey)).toThrow('JWT_PUBLIC_KEY is an EC key on curve secp256k1');
    expect(refused(spki('rsa', { modulusLength: 1024 }).publicKey)).toThrow('JWT_PUBLIC_KEY is a 1024-bit RSA key; at least 2048 bits are required.');
    // A private key is not converted into its public half: it should never be in this variable.
    expect(refused(spki('ec', { namedCurve: 'P-256' }).privateKey)).toThrow(SettingError);
    expect(refused('not a key')).toThrow('JWT_PUBLIC_KEY must be a PEM public key ("-----BEGIN PUBLIC KEY-----", SPKI), RSA or EC.');
    for (const pem of [ed.publicKey, 'not a key']) expect(refused(pem)).toThrow(/^[^\n]+$/);
  });
});

describe('verified tokens', () => {
  const config = { kind: 'hs256' as const, secret: 'a-test-secret-of-enough-length-0123456789', issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE };
  const sign = (expiresIn: string, secret = config.secret) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('analyst@ocha').setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));

  it('reuses a verified token\'s identity, and refuses the token once it has expired', async () => {
    const authenticate = await createAuthenticator(config);
    const short = await sign('2s');
    const first = await authenticate(`Bearer ${short}`);
    expect(first).toMatchObject({ subject: 'analyst@ocha', organizationId: 'ocha' });
    expect(await authenticate(`Bearer ${short}`)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    await new Promise((r) => setTimeout(r, 2100));
    await expect(authenticate(`Bearer ${short}`)).rejects.toThrow('Token expired.');
  });

  it('refuses a token issued in the future beyond the allowed clock skew', async () => {
    const authenticate = await createAuthenticator(config);
    const issuedAt = (offsetSeconds: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('analyst@ocha')
        .setIssuer(DEFAULT_ISSUER)
        .setAudience(DEFAULT_AUDIENCE)
        .setIssuedAt(Math.floor(Date.now() / 1000) + offsetSeconds)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(config.secret));
    await expect(authenticate(`Bearer ${await issuedAt(TOKEN_CLOCK_SKEW_SECONDS + 60)}`)).rejects.toThrow('Token claim "iat" is in the future');
    expect((await authenticate(`Bearer ${await issuedAt(5)}`)).organizationId).toBe('ocha');
    expect((await authenticate(`Bearer ${await issuedAt(-60)}`)).organizationId).toBe('ocha');
  });

  it('never lets a verified token vouch for another one', async () => {
    const authenticate = await createAuthenticator(config);
    const good = await sign('5m');
    await authenticate(`Bearer ${good}`);
    const [header, payload] = good.split('.');
    const forged = await sign('5m', 'another-secret-of-enough-length-0123456789');
    await expect(authenticate(`Bearer ${header}.${payload}.${forged.split('.')[2]}`)).rejects.toThrow(/signature/);
    await expect(authenticate(`Bearer ${forged}`)).rejects.toThrow(/signature/);
  });
});
