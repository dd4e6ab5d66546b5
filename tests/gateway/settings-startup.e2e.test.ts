// Issue 15 item 8 (and 6): a bad numeric policy or limit setting stops start-up with a message
// naming the variable, instead of silently turning a protection off; production refuses to start
// without an explicit JWT issuer and audience. Each service as its own process, as deployed.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spawnScript } from '../process-harness';

const SECRET = randomBytes(32).toString('base64url');
// Never reached: each process must stop before it connects anywhere.
const UNUSED_DATABASE = 'postgres://nobody@127.0.0.1:1/none';
const subgraph = (env: Record<string, string>) => ['scripts/services/subgraph.ts', { SUBGRAPH: 'incidents', GATEWAY_SIGNING_SECRET: SECRET, DATABASE_URL: UNUSED_DATABASE, ...env }] as const;
const PRODUCTION_KEYED = { NODE_ENV: 'production', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'peacegraph-prod' };
const EC_P384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const gateway = (env: Record<string, string>) => ['scripts/services/gateway.ts', { GATEWAY_SIGNING_SECRET: SECRET, ...env }] as const;

describe('start-up refuses bad settings', () => {
  it('each process exits 1 with one line naming the variable', async () => {
    // A subgraph process loads every schema (seconds each): three cases; kit/src/env.test.ts has the rest.
    const cases: [readonly [string, Record<string, string>], RegExp][] = [
      [subgraph({ SUPPRESSION_THRESHOLD: 'five' }), /SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "five"/],
      [subgraph({ SUPPRESSION_THRESHOLD: '2' }), /SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "2"/],
      // Issue 20: the subgraph process's variables through one schema too (kit/src/env.test.ts has each bad value).
      [subgraph({ SHARED_READS: 'sometimes' }), /SHARED_READS must be on or off \(1\/0, true\/false, yes\/no\), got "sometimes"/],
      [gateway({ GATEWAY_MAX_COST: 'lots' }), /GATEWAY_MAX_COST must be a whole number ≥ 1, got "lots"/],
      [gateway({ GATEWAY_MAX_DEPTH: '-1' }), /GATEWAY_MAX_DEPTH must be a whole number ≥ 1/],
      [gateway({ RATE_LIMIT_PER_IP: '1e3' }), /RATE_LIMIT_PER_IP must be a whole number ≥ 1/],
      [gateway({ FINANCE_TIMEOUT_MS: 'soon' }), /FINANCE_TIMEOUT_MS must be a whole number ≥ 1/],
      [gateway({ RESPONSE_CACHE: 'on', DATABASE_URL: UNUSED_DATABASE, RESPONSE_CACHE_TTL_SECONDS: 'NaN' }), /RESPONSE_CACHE_TTL_SECONDS must be a whole number ≥ 1|Cannot reach PostgreSQL/],
      [
        gateway({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: '', JWT_AUDIENCE: '' }),
        /Production needs an explicit JWT_ISSUER and JWT_AUDIENCE/,
      ],
      [gateway({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: '' }), /Production needs an explicit JWT_AUDIENCE/],
      // Issue 20: every variable through one schema (gateway/src/env.test.ts has each kind of bad value).
      [gateway({ GATEWAY_LIMITS: 'enabled' }), /GATEWAY_LIMITS must be on or off \(1\/0, true\/false, yes\/no\), got "enabled"/],
      [gateway({ CORS_ORIGINS: '*' }), /CORS_ORIGINS must be a comma-separated list of origins/],
      [gateway({ FINANCE_URL: 'finance:4004' }), /FINANCE_URL must be a URL \(http:\/\/ or https:\/\/…\), got "finance:4004"/],
      [gateway({ ...PRODUCTION_KEYED, JWT_PUBLIC_KEY: EC_P384, JWT_ALGORITHM: 'ES256' }), /JWT_ALGORITHM=ES256 does not fit JWT_PUBLIC_KEY \(an EC P-384 key: ES384\)/],
    ];
    const runs = cases.map(([[script, env]]) => spawnScript(script, env));
    for (const [i, run] of runs.entries()) {
      expect(await run.exited, run.output()).toBe(1);
      expect(run.output()).toMatch(cases[i]![1]);
    }
  }, 120_000);

  it('each bad variable is one line, and nothing else: no stack trace, no log record (subgraph, gateway, pnpm start)', async () => {
    const cases: [readonly [string, Record<string, string>], string[]][] = [
      // SUPPRESSION_THRESHOLD is read by a module while it loads: that used to throw there, a stack trace.
      [
        subgraph({ SUPPRESSION_THRESHOLD: 'abc', DATABASE_POOL_SIZE: 'ten', INCIDENTS_PORT: '70000' }),
        ['DATABASE_POOL_SIZE must be a whole number ≥ 1, got "ten".', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "abc".', 'INCIDENTS_PORT must be a whole number between 0 and 65535, got "70000".'],
      ],
      // So was LOG_LEVEL (the logger is made while modules load).
      [gateway({ LOG_LEVEL: 'loud', GATEWAY_MAX_COST: 'lots' }), ['GATEWAY_MAX_COST must be a whole number ≥ 1, got "lots".', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud".']],
      // `pnpm start` says first that it runs in development mode (two lines), then refuses.
      [['scripts/start.ts', { SUPPRESSION_THRESHOLD: '1', GATEWAY_PORT: '0' }], ['SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "1".']],
    ];
    const runs = cases.map(([[script, env]]) => spawnScript(script, env));
    for (const [i, run] of runs.entries()) {
      expect(await run.exited, run.output()).toBe(1);
      const lines = run.output().trim().split('\n');
      expect(lines.filter((line) => !line.startsWith('Development mode') && !line.startsWith('  (Production'))).toEqual(cases[i]![1]);
    }
  }, 120_000);

  it('an EC public key without JWT_ALGORITHM starts: the algorithm follows the key', async () => {
    const run = spawnScript(...gateway({ ...PRODUCTION_KEYED, JWT_PUBLIC_KEY: EC_P384, GATEWAY_PORT: '0', GATEWAY_HOST: '127.0.0.1' }));
    try {
      await run.waitFor(/gateway listening/);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }, 60_000);
});
