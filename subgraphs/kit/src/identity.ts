import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who is asking, as the gateway verified it. What they may *see* comes from agreements, not from here. */
export interface Identity {
  /** JWT `sub`, or `anonymous` for the public audience. */
  subject: string;
  /** The caller's organisation id, `null` for the public. */
  organizationId: string | null;
  /** un-agency, mission, ingo, nngo, red-cross, government, donor, oversight … `null` for the public. */
  organizationType: string | null;
  roles: string[];
}

export const PUBLIC_IDENTITY: Identity = Object.freeze({
  subject: 'anonymous',
  organizationId: null,
  organizationType: null,
  roles: [],
}) as Identity;

/**
 * Headers the gateway adds to every subgraph request. The gateway strips any copy a client
 * sent; subgraphs trust them only with a valid signature.
 */
export const IDENTITY_HEADER = 'x-peacegraph-identity';
export const TIMESTAMP_HEADER = 'x-peacegraph-timestamp';
export const SIGNATURE_HEADER = 'x-peacegraph-signature';
export const SIGNED_HEADERS = [IDENTITY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER] as const;

/** A signed request older (or newer) than this is refused: it limits replays of a captured request. */
const MAX_CLOCK_SKEW_MS = 60_000;

function mac(secret: string, timestamp: string, identity: string, body: string): string {
  const bodyDigest = createHash('sha256').update(body).digest('base64url');
  return createHmac('sha256', secret).update(`${timestamp}.${identity}.${bodyDigest}`).digest('base64url');
}

/** Headers that bind `identity` to exactly this request body, for `now`. */
export function signIdentity(secret: string, identity: Identity, body: string, now = Date.now()): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const timestamp = String(now);
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: mac(secret, timestamp, encoded, body),
  };
}

export type VerifyResult = { ok: true; identity: Identity } | { ok: false; reason: string };

type HeaderSource = Record<string, string | string[] | undefined>;

/** Checks the gateway's signature over identity, time and body. Anything else is refused. */
export function verifySignedIdentity(secret: string, headers: HeaderSource, body: string, now = Date.now()): VerifyResult {
  const identity = single(headers[IDENTITY_HEADER]);
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!identity || !timestamp || !signature) return { ok: false, reason: 'missing gateway signature' };
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: 'gateway signature expired' };
  }
  const expected = Buffer.from(mac(secret, timestamp, identity, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid gateway signature' };
  }
  try {
    return { ok: true, identity: parseIdentity(JSON.parse(Buffer.from(identity, 'base64url').toString('utf8'))) };
  } catch {
    return { ok: false, reason: 'malformed identity' };
  }
}

function parseIdentity(value: unknown): Identity {
  const v = value as Partial<Identity>;
  if (typeof v.subject !== 'string' || !Array.isArray(v.roles)) throw new Error('malformed identity');
  return {
    subject: v.subject,
    organizationId: typeof v.organizationId === 'string' ? v.organizationId : null,
    organizationType: typeof v.organizationType === 'string' ? v.organizationType : null,
    roles: v.roles.filter((r): r is string => typeof r === 'string'),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

export interface Secrets {
  /** HMAC key shared by the gateway and the subgraphs. */
  gatewaySigningSecret: string;
  /** HS256 key for development JWTs (production uses JWKS or a PEM public key). */
  jwtSecret: string;
  generated: boolean;
}

/**
 * Production refuses to start without its secrets; development generates them once per
 * process (every service in the one-command start shares them) and says so.
 */
export function loadSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  const production = env.NODE_ENV === 'production';
  const signing = env.GATEWAY_SIGNING_SECRET;
  const jwt = env.JWT_SECRET;
  if (production && !signing) {
    throw new Error('GATEWAY_SIGNING_SECRET is required in production (at least 32 characters).');
  }
  if (signing && signing.length < 32) throw new Error('GATEWAY_SIGNING_SECRET must be at least 32 characters.');
  const generated = !signing || !jwt;
  const secrets: Secrets = {
    gatewaySigningSecret: signing ?? randomBytes(32).toString('base64url'),
    jwtSecret: jwt ?? devJwtSecret(),
    generated,
  };
  env.GATEWAY_SIGNING_SECRET = secrets.gatewaySigningSecret;
  env.JWT_SECRET = secrets.jwtSecret;
  return secrets;
}

/**
 * A fixed development JWT key so `pnpm token` works against a running dev stack without
 * sharing state. Never accepted in production: there JWT_SECRET / JWKS must be configured.
 */
export const DEV_JWT_SECRET = 'peacegraph-development-only-jwt-secret-do-not-deploy';

function devJwtSecret(): string {
  return DEV_JWT_SECRET;
}
