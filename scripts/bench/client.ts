// Small HTTP helpers shared by the benchmark and the performance / response-cache tests.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@peacegraph/gateway';
import { DEMO_IDENTITIES } from '@peacegraph/reference';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
  text: string;
  ms: number;
}

/**
 * A token for a demo audience (undefined for `public`). `subject` overrides the demo subject:
 * the benchmark uses several people per organisation so no cache can flatter it.
 */
export async function tokenFor(audience: string, secret: string, subject?: string): Promise<string | undefined> {
  if (audience === 'public') return undefined;
  const identity = DEMO_IDENTITIES.find((d) => d.audience === audience);
  if (!identity?.organizationId) throw new Error(`Unknown audience ${audience}.`);
  return new SignJWT({ org: identity.organizationId, org_type: identity.organizationType, roles: identity.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject ?? identity.subject)
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(new TextEncoder().encode(secret));
}

export async function postGraphQL<T = any>(url: string, token: string | undefined, body: Record<string, unknown>): Promise<HttpAnswer<T>> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as HttpAnswer<T>['body'], text, ms: performance.now() - started };
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
