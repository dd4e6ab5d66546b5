import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { SettingError } from './settings';

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
export const NONCE_HEADER = 'x-peacegraph-nonce';
export const SIGNATURE_HEADER = 'x-peacegraph-signature';
export const SIGNED_HEADERS = [IDENTITY_HEADER, TIMESTAMP_HEADER, NONCE_HEADER, SIGNATURE_HEADER] as const;

/**
 * How long a signature is valid: the gateway signs each subgraph fetch just before sending it,
 * so a few seconds cover transit and a loaded event loop. Every nonce is remembered for this
 * long (see ReplayGuard). `SIGNATURE_CLOCK_SKEW_MS` is how far ahead of the subgraph's clock a
 * gateway's may run (hosts synchronised by NTP are within milliseconds).
 */
export const SIGNATURE_WINDOW_MS = 15_000;
export const SIGNATURE_CLOCK_SKEW_MS = 2_000;

/**
 * Signed: time, nonce, the *target subgraph's name*, identity and a digest of the body. A
 * signature made for incidents does not verify at missions, a changed body does not verify at
 * all, and the nonce makes each signed request usable once (ReplayGuard).
 */
function mac(secret: string, timestamp: string, nonce: string, subgraph: string, identity: string, body: string): string {
  const bodyDigest = createHash('sha256').update(body).digest('base64url');
  return createHmac('sha256', secret).update(`v2.${timestamp}.${nonce}.${subgraph}.${identity}.${bodyDigest}`).digest('base64url');
}

export interface SignOptions {
  /** The subgraph this request is for (its name in the supergraph). */
  subgraph: string;
  now?: number;
  /** Default: random, one per signed request. */
  nonce?: string;
}

/** Headers that bind `identity` to exactly this request body, for this subgraph, once. */
export function signIdentity(secret: string, identity: Identity, body: string, options: SignOptions): Record<string, string> {
  const encoded = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const timestamp = String(options.now ?? Date.now());
  const nonce = options.nonce ?? randomUUID();
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [SIGNATURE_HEADER]: mac(secret, timestamp, nonce, options.subgraph, encoded, body),
  };
}

export type VerifyResult = { ok: true; identity: Identity } | { ok: false; reason: string };

type HeaderSource = Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** This subgraph's name: only signatures made for it verify. */
  subgraph: string;
  /** Refuses a nonce seen before; absent, replays within the window are not detected (tests of the MAC only). */
  replays?: ReplayGuard;
  now?: number;
}

/** Checks the gateway's signature over identity, time, nonce, target and body. Anything else is refused. */
export function verifySignedIdentity(secret: string, headers: HeaderSource, body: string, options: VerifyOptions): VerifyResult {
  const now = options.now ?? Date.now();
  const identity = single(headers[IDENTITY_HEADER]);
  const timestamp = single(headers[TIMESTAMP_HEADER]);
  const nonce = single(headers[NONCE_HEADER]);
  const signature = single(headers[SIGNATURE_HEADER]);
  if (!identity || !timestamp || !nonce || !signature) return { ok: false, reason: 'missing gateway signature' };
  const at = Number(timestamp);
  if (!/^\d{1,15}$/.test(timestamp) || now - at > SIGNATURE_WINDOW_MS) return { ok: false, reason: 'gateway signature expired' };
  if (at - now > SIGNATURE_CLOCK_SKEW_MS) return { ok: false, reason: 'gateway signature dated in the future' };
  if (nonce.length > 100) return { ok: false, reason: 'malformed nonce' };
  const expected = Buffer.from(mac(secret, timestamp, nonce, options.subgraph, identity, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid gateway signature' };
  }
  // Only after the MAC: an attacker without the key cannot fill the guard with nonces.
  if (options.replays && !options.replays.firstUse(nonce, at + SIGNATURE_WINDOW_MS, now)) {
    return { ok: false, reason: 'gateway signature already used' };
  }
  try {
    return { ok: true, identity: parseIdentity(JSON.parse(Buffer.from(identity, 'base64url').toString('utf8'))) };
  } catch {
    return { ok: false, reason: 'malformed identity' };
  }
}

/**
 * The nonces of signatures accepted by this process, each kept until its signature expires
 * (after that the timestamp check refuses it anyway). In process memory, bounded: when full
 * (`maxEntries` live signatures, i.e. more than maxEntries / window requests per second) new
 * requests are refused rather than old nonces forgotten — refusing is safe, forgetting is not.
 *
 * Per replica: a request captured on the internal network could be replayed once to each
 * *other* replica of the same subgraph within the window. docs/operations.md says why that is
 * accepted (the window is seconds, the traffic is internal and TLS-wrapped in production).
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private accepted = 0;

  constructor(private readonly maxEntries = 200_000) {}

  /** True the first time `nonce` is seen while unexpired; remembers it until `expiresAt`. */
  firstUse(nonce: string, expiresAt: number, now = Date.now()): boolean {
    const known = this.seen.get(nonce);
    if (known !== undefined && known >= now) return false;
    // Swept now and then, and whenever full, so the map holds about one window of nonces.
    if (++this.accepted % 1024 === 0 || this.seen.size >= this.maxEntries) this.forgetExpired(now);
    if (this.seen.size >= this.maxEntries) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }

  /** Map order is insertion order, and expiry grows with it (give or take clock skew). */
  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.seen) {
      if (expiresAt >= now) break;
      this.seen.delete(nonce);
    }
  }

  get size(): number {
    return this.seen.size;
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
    throw new SettingError('GATEWAY_SIGNING_SECRET is required in production (at least 32 characters).');
  }
  if (signing && signing.length < 32) throw new SettingError('GATEWAY_SIGNING_SECRET must be at least 32 characters.');
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
 * A fixed development JWT key so `pnpm -s token` works against a running dev stack without
 * sharing state. Never accepted in production: there JWT_SECRET / JWKS must be configured.
 */
export const DEV_JWT_SECRET = 'peacegraph-development-only-jwt-secret-do-not-deploy';

function devJwtSecret(): string {
  return DEV_JWT_SECRET;
}
