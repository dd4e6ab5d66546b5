// Issue 15 item 8 (and 6): a bad numeric policy or limit setting stops start-up with a message
// naming the variable, instead of silently turning a protection off; production refuses to start
// without an explicit JWT issuer and audience. Each service as its own process, as deployed.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spawnScript } from './process-harness';

const SECRET = randomBytes(32).toString('base64url');
// Never reached: each process must stop before it connects anywhere.
const UNUSED_DATABASE = 'postgres://nobody@127.0.0.1:1/none';
const subgraph = (env: Record<string, string>) => ['scripts/services/subgraph.ts', { SUBGRAPH: 'incidents', GATEWAY_SIGNING_SECRET: SECRET, DATABASE_URL: UNUSED_DATABASE, ...env }] as const;
const gateway = (env: Record<string, string>) => ['scripts/services/gateway.ts', { GATEWAY_SIGNING_SECRET: SECRET, ...env }] as const;

describe('start-up refuses bad settings', () => {
  it('each process exits 1 with one line naming the variable', async () => {
    // A subgraph process loads every schema (seconds each): two cases; kit/settings.test.ts has the rest.
    const cases: [readonly [string, Record<string, string>], RegExp][] = [
      [subgraph({ SUPPRESSION_THRESHOLD: 'five' }), /SUPPRESSION_THRESHOLD must be a whole number ≥ 2, got "five"/],
      [subgraph({ SUPPRESSION_THRESHOLD: '1' }), /SUPPRESSION_THRESHOLD must be a whole number ≥ 2, got "1"/],
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
    ];
    const runs = cases.map(([[script, env]]) => spawnScript(script, env));
    for (const [i, run] of runs.entries()) {
      expect(await run.exited, run.output()).toBe(1);
      expect(run.output()).toMatch(cases[i]![1]);
    }
  }, 120_000);
});
