import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DEV_JWT_SECRET, type Identity, PUBLIC_IDENTITY, SettingError } from '@peacegraph/kit';
import { gatewayEnv, type AsymmetricJwtAlgorithm } from './env';

/** How the gateway checks tokens. Algorithms are pinned per key type: a token cannot choose its own. */
export type JwtVerifierConfig =
  | { kind: 'hs256'; secret: string; issuer: string; audience: string }
  | { kind: 'jwks'; url: string; algorithms: AsymmetricJwtAlgorithm[]; issuer: string; audience: string }
  | { kind: 'pem'; publicKeyPem: string; algorithm: AsymmetricJwtAlgorithm; issuer: string; audience: string };

export const DEFAULT_ISSUER = 'peacegraph-dev';
export const DEFAULT_AUDIENCE = 'peacegraph';

/**
 * How far a token's `iat` may lie ahead of the gateway's clock (an identity provider's clock a
 * little ahead of ours); beyond it the token was minted for later, or by a broken clock.
 */
export const TOKEN_CLOCK_SKEW_SECONDS = 30;

/**
 * Development: HS256 with JWT_SECRET (a fixed dev secret when unset). Production: RS256 /
 * ES256 … from JWT_JWKS_URL or JWT_PUBLIC_KEY (PEM, whose algorithm follows the key unless
 * JWT_ALGORITHM pins one that fits it); shared secrets are refused there, and so is a start
 * without an explicit JWT_ISSUER and JWT_AUDIENCE (the development defaults would accept any
 * token a development key ever signed for "peacegraph").
 */
export function jwtConfigFromEnv(env: NodeJS.ProcessEnv = process.env): JwtVerifierConfig {
  const e = gatewayEnv(env);
  const production = e.NODE_ENV === 'production';
  if (production && (e.JWT_JWKS_URL || e.JWT_PUBLIC_KEY)) {
    const missing = (['JWT_ISSUER', 'JWT_AUDIENCE'] as const).filter((name) => !e[name]);
    if (missing.length) throw new SettingError(`Production needs an explicit ${missing.join(' and ')} (the identity provider's issuer and this deployment's audience).`);
  }
  const issuer = e.JWT_ISSUER || DEFAULT_ISSUER;
  const audience = e.JWT_AUDIENCE || DEFAULT_AUDIENCE;
  if (e.JWT_JWKS_URL) {
    return { kind: 'jwks', url: e.JWT_JWKS_URL, algorithms: e.JWT_ALGORITHMS ?? ['RS256', 'ES256'], issuer, audience };
  }
  if (e.JWT_PUBLIC_KEY) {
    return { kind: 'pem', publicKeyPem: e.JWT_PUBLIC_KEY, algorithm: algorithmForKey(e.JWT_PUBLIC_KEY, e.JWT_ALGORITHM), issuer, audience };
  }
  if (production) {
    throw new SettingError('Production needs JWT_JWKS_URL or JWT_PUBLIC_KEY (RS256/ES256); HS256 shared secrets are for development only.');
  }
  return { kind: 'hs256', secret: e.JWT_SECRET ?? DEV_JWT_SECRET, issuer, audience };
}

const CURVE_ALGORITHMS: Record<string, AsymmetricJwtAlgorithm> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
const CURVE_NAMES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/**
 * The one algorithm tokens for this PEM public key may use: an EC key's follows its curve
 * (P-256 → ES256, P-384 → ES384, P-521 → ES512), an RSA key's is RS256 unless JWT_ALGORITHM
 * picks another RSA one. A key that fits none, or a JWT_ALGORITHM that does not fit the key,
 * stops start-up here with one line rather than at the first token.
 */
export function algorithmForKey(pem: string, pinned?: AsymmetricJwtAlgorithm): AsymmetricJwtAlgorithm {
  let key: KeyObject;
  try {
    // SPKI only, as jose imports it: a certificate or a private key is refused, not converted.
    if (!/^\s*-----BEGIN PUBLIC KEY-----/.test(pem)) throw new Error('not SPKI');
    key = createPublicKey(pem);
  } catch {
    throw new SettingError('JWT_PUBLIC_KEY must be a PEM public key ("-----BEGIN PUBLIC KEY-----", SPKI), RSA or EC.');
  }
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
  const follows = type === 'ec' ? CURVE_ALGORITHMS[curve] : type === 'rsa' ? (pinned?.startsWith('RS') || pinned?.startsWith('PS') ? pinned : 'RS256') : undefined;
  if (!follows) {
    throw new SettingError(`JWT_PUBLIC_KEY is ${type === 'ec' ? `an EC key on curve ${curve}` : `an ${type} key`}; RSA and EC keys on P-256, P-384 or P-521 are supported.`);
  }
  if (type === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new SettingError(`JWT_PUBLIC_KEY is a ${key.asymmetricKeyDetails?.modulusLength}-bit RSA key; at least 2048 bits are required.`);
  }
  if (pinned && pinned !== follows) {
    throw new SettingError(`JWT_ALGORITHM=${pinned} does not fit JWT_PUBLIC_KEY (${type === 'ec' ? `an EC ${CURVE_NAMES[curve]} key: ${follows}` : 'an RSA key: RS256 … PS512'}); unset it to follow the key.`);
  }
  return follows;
}

export class AuthenticationError extends Error {}

export type Authenticator = (authorization: string | undefined) => Promise<Identity>;

/** Verified tokens remembered (per exact token string), and for how long at most before verifying again. */
const VERIFIED_TOKENS_MAX = 10_000;
const VERIFIED_TOKEN_REUSE_MS = 60_000;

export async function createAuthenticator(config: JwtVerifierConfig): Promise<Authenticator> {
  let key: KeyObject | JWTVerifyGetKey | Awaited<ReturnType<typeof importSPKI>>;
  let algorithms: string[];
  if (config.kind === 'hs256') {
    // A key object made once: given bytes, jose imports the HMAC key again on every token.
    key = createSecretKey(Buffer.from(config.secret, 'utf8'));
    algorithms = ['HS256'];
  } else if (config.kind === 'jwks') {
    key = createRemoteJWKSet(new URL(config.url));
    algorithms = config.algorithms;
  } else {
    key = await importSPKI(config.publicKeyPem, config.algorithm);
    algorithms = [config.algorithm];
  }

  // A dashboard sends the same token with every request: its signature is checked once, and
  // the identity reused for that exact token string until the token expires, for a minute at
  // most (so a key withdrawn from the JWKS stops working within that minute, as jose's own key
  // cache allows). Failures are never remembered.
  const verified = new Map<string, { identity: Identity; until: number }>();

  return async (authorization) => {
    // No token is the public audience. A token that fails is 401, never a silent downgrade.
    if (authorization === undefined || authorization === '') return PUBLIC_IDENTITY;
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization);
    if (!match) throw new AuthenticationError('Authorization header must be "Bearer <JWT>".');
    const token = match[1]!;
    const known = verified.get(token);
    if (known && Date.now() < known.until) return known.identity;
    verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, key as KeyObject, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['exp', 'sub'],
      });
      // jose checks `iat` only against a maximum age; a token issued in the future is refused here.
      if (typeof payload.iat === 'number' && payload.iat * 1000 > Date.now() + TOKEN_CLOCK_SKEW_SECONDS * 1000) {
        throw new AuthenticationError(`Token claim "iat" is in the future (more than ${TOKEN_CLOCK_SKEW_SECONDS} s ahead of the gateway's clock).`);
      }
      const claimed = identityFrom(payload);
      // Shared by every request with this token: nobody may change it on the way.
      const identity = Object.freeze({ ...claimed, roles: Object.freeze(claimed.roles) as string[] });
      if (verified.size >= VERIFIED_TOKENS_MAX) verified.clear();
      verified.set(token, { identity, until: Math.min(payload.exp! * 1000, Date.now() + VERIFIED_TOKEN_REUSE_MS) });
      return identity;
    } catch (error) {
      throw new AuthenticationError(explain(error));
    }
  };
}

function identityFrom(payload: JWTPayload): Identity {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  if (typeof payload.org !== 'string') throw new AuthenticationError('Token has no "org" claim.');
  return {
    subject: String(payload.sub),
    organizationId: payload.org,
    organizationType: typeof payload.org_type === 'string' ? payload.org_type : null,
    roles,
  };
}

function explain(error: unknown): string {
  if (error instanceof AuthenticationError) return error.message;
  if (error instanceof errors.JWTExpired) return 'Token expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `Token claim "${error.claim}" is invalid (${error.reason}).`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'Token algorithm is not allowed.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'Token signature is invalid.';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'Token is malformed.';
  if (error instanceof errors.JOSEError) return `Token rejected (${error.code}).`;
  return 'Token rejected.';
}
