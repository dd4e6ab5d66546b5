import { SettingError } from '@peacegraph/kit';
import { describe, expect, it } from 'vitest';
import { hardeningFromEnv, limitsFromEnv, subgraphUrlsFromEnv } from './config';
import { gatewayEnv } from './env';
import { responseCacheFromEnv } from './response-cache';
import { subscriptionLimitsFromEnv } from './subscriptions/subscription-service';

describe("the gateway's environment schema", () => {
  it('reads every kind of value, typed, with unset and empty alike', () => {
    const env = gatewayEnv({
      GATEWAY_LIMITS: 'On',
      GATEWAY_MAX_DEPTH: ' 7 ',
      TRUSTED_OPERATIONS_ONLY: 'no',
      INTROSPECTION_ROLES: 'schema-reader, auditor,,',
      CORS_ORIGINS: 'https://a.org,http://localhost:5173',
      REDIS_URL: 'redis://cache:6379',
      FINANCE_TIMEOUT_MS: '2500',
      RATE_LIMIT_PER_IP: '',
      MISSIONS_TIMEOUT_MS: '',
    });
    expect(env).toMatchObject({
      GATEWAY_LIMITS: true,
      GATEWAY_MAX_DEPTH: 7,
      TRUSTED_OPERATIONS_ONLY: false,
      INTROSPECTION_ROLES: ['schema-reader', 'auditor'],
      CORS_ORIGINS: ['https://a.org', 'http://localhost:5173'],
      REDIS_URL: 'redis://cache:6379',
      subgraphTimeoutsMs: { finance: 2500 },
    });
    expect(env.RATE_LIMIT_PER_IP).toBeUndefined();
    expect(env.subgraphTimeoutsMs).toStrictEqual({ finance: 2500 });
    // An empty INTROSPECTION_ROLES is nobody (production then lets no one introspect), never the default.
    expect(hardeningFromEnv({ INTROSPECTION_ROLES: '' }).introspectionRoles).toEqual([]);
    expect(hardeningFromEnv({})).toMatchObject({ corsOrigins: [], trustedOperationsOnly: false, introspectionRoles: ['schema-reader'], maxBodyBytes: 100_000 });
  });

  it('is read once per environment object', () => {
    const source: NodeJS.ProcessEnv = { GATEWAY_MAX_COST: '10' };
    expect(gatewayEnv(source)).toBe(gatewayEnv(source));
  });

  // Each kind of bad value, and the one line it stops start-up with.
  it.each([
    // Booleans: anything but on/off used to mean "off" (GATEWAY_LIMITS=enabled turned every limit off).
    [{ GATEWAY_LIMITS: 'enabled' }, 'GATEWAY_LIMITS must be on or off (1/0, true/false, yes/no), got "enabled".'],
    [{ RATE_LIMIT: 'of' }, 'RATE_LIMIT must be on or off'],
    [{ TRUSTED_OPERATIONS_ONLY: 'y' }, 'TRUSTED_OPERATIONS_ONLY must be on or off'],
    [{ RESPONSE_CACHE: 'maybe' }, 'RESPONSE_CACHE must be on or off'],
    [{ SUBSCRIPTIONS: 'disabled' }, 'SUBSCRIPTIONS must be on or off'],
    // Numbers.
    [{ GATEWAY_MAX_COST: 'lots' }, 'GATEWAY_MAX_COST must be a whole number ≥ 1, got "lots".'],
    [{ GATEWAY_MAX_PAGE_SIZE: '1000' }, 'GATEWAY_MAX_PAGE_SIZE must be a whole number between 1 and 500, got "1000".'],
    [{ GATEWAY_PORT: '70000' }, 'GATEWAY_PORT must be a whole number between 0 and 65535'],
    [{ SUBSCRIPTIONS_MAX_QUEUED: '0' }, 'SUBSCRIPTIONS_MAX_QUEUED must be a whole number ≥ 1, got "0".'],
    [{ SUBSCRIPTIONS_IDLE_TIMEOUT_S: '30m' }, 'SUBSCRIPTIONS_IDLE_TIMEOUT_S must be a whole number ≥ 1'],
    [{ TRUST_PROXY_HOPS: '-1' }, 'TRUST_PROXY_HOPS must be a whole number ≥ 0'],
    [{ INCIDENTS_TIMEOUT_MS: '1.5' }, 'INCIDENTS_TIMEOUT_MS must be a whole number ≥ 1'],
    // URLs.
    [{ REDIS_URL: 'cache:6379' }, 'REDIS_URL must be a URL (redis:// or rediss://…), got "cache:6379".'],
    [{ JWT_JWKS_URL: 'idp.example/jwks.json' }, 'JWT_JWKS_URL must be a URL'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT must be a URL'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a URL (postgres:// or postgresql://…)'],
    // Lists and choices.
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS must be a comma-separated list of origins'],
    [{ CORS_ORIGINS: 'https://a.org,https://b.org/app' }, 'CORS_ORIGINS must be a comma-separated list of origins'],
    [{ JWT_ALGORITHMS: 'RS256,HS256' }, 'JWT_ALGORITHMS must be a comma-separated list of RS256'],
    [{ JWT_ALGORITHM: 'none' }, 'JWT_ALGORITHM must be one of RS256'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error'],
  ] as [NodeJS.ProcessEnv, string][])('refuses %o', (env, message) => {
    expect(() => gatewayEnv(env)).toThrow(SettingError);
    expect(() => gatewayEnv(env)).toThrow(message);
  });

  it('names every bad variable, one line each (the fixed set and the <NAME>_TIMEOUT_MS alike)', () => {
    expect(() => gatewayEnv({ GATEWAY_LIMITS: 'enabled', RATE_LIMIT_PER_IP: '1e3', FINANCE_TIMEOUT_MS: 'soon' })).toThrow(
      new SettingError(
        [
          'GATEWAY_LIMITS must be on or off (1/0, true/false, yes/no), got "enabled".',
          'RATE_LIMIT_PER_IP must be a whole number ≥ 1, got "1e3".',
          'FINANCE_TIMEOUT_MS must be a whole number ≥ 1, got "soon".',
        ].join('\n'),
      ),
    );
  });

  it('every reader goes through it', () => {
    expect(() => limitsFromEnv({ GATEWAY_LIMITS: 'enabled' })).toThrow('GATEWAY_LIMITS must be on or off');
    expect(() => responseCacheFromEnv(undefined, { RESPONSE_CACHE: 'on', RESPONSE_CACHE_TTL_SECONDS: 'NaN' })).toThrow('RESPONSE_CACHE_TTL_SECONDS must be a whole number ≥ 1');
    expect(() => subscriptionLimitsFromEnv({ SUBSCRIPTIONS_MAX_PER_CALLER: 'ten' })).toThrow('SUBSCRIPTIONS_MAX_PER_CALLER must be a whole number ≥ 1');
    expect(subscriptionLimitsFromEnv({ SUBSCRIPTIONS_IDLE_TIMEOUT_S: '60' })).toEqual({ idleTimeoutMs: 60_000 });
  });

  it('checks where the subgraphs are', () => {
    const subgraphs = [{ name: 'finance', portVariable: 'FINANCE_PORT', defaultPort: 4004 }];
    expect(subgraphUrlsFromEnv(subgraphs, {})).toEqual({ finance: 'http://127.0.0.1:4004/graphql' });
    expect(subgraphUrlsFromEnv(subgraphs, { FINANCE_PORT: '4904' })).toEqual({ finance: 'http://127.0.0.1:4904/graphql' });
    expect(subgraphUrlsFromEnv(subgraphs, { FINANCE_URL: 'http://finance.internal/graphql' })).toEqual({ finance: 'http://finance.internal/graphql' });
    expect(() => subgraphUrlsFromEnv(subgraphs, { FINANCE_URL: 'finance:4004' })).toThrow('FINANCE_URL must be a URL (http:// or https://…), got "finance:4004".');
    expect(() => subgraphUrlsFromEnv(subgraphs, { FINANCE_PORT: 'x' })).toThrow('FINANCE_PORT must be a whole number between 0 and 65535');
  });
});
