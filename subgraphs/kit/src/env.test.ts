import { describe, expect, it } from 'vitest';
import { subgraphEnv, subgraphSetting } from './env';
import { SettingError } from './settings';

describe("the subgraph process's environment schema", () => {
  it('reads every kind of value, typed, with unset and empty alike', () => {
    const env = subgraphEnv({
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: 'postgres://app@db:5432/peacegraph',
      DATABASE_POOL_SIZE: ' 20 ',
      DATABASE_PREPARE: 'Off',
      SHARED_READS: 'yes',
      AGREEMENT_CACHE: '',
      GATEWAY_SIGNING_SECRET: 'x'.repeat(32),
      SUPPRESSION_THRESHOLD: '3',
    });
    expect(env).toMatchObject({ NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: 20, DATABASE_PREPARE: false, SHARED_READS: true, SUPPRESSION_THRESHOLD: 3 });
    expect(env.AGREEMENT_CACHE).toBeUndefined();
  });

  it('is read once per environment object', () => {
    const source: NodeJS.ProcessEnv = { DATABASE_POOL_SIZE: '4' };
    expect(subgraphEnv(source)).toBe(subgraphEnv(source));
  });

  // Each bad value stops start-up with one line naming the variable and what it must be.
  it.each([
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose".'],
    ['DATABASE_URL', 'db.internal:5432', 'DATABASE_URL must be a URL (postgres:// or postgresql://…), got "db.internal:5432".'],
    ['DATABASE_URL', 'mysql://db/peacegraph', 'DATABASE_URL must be a URL (postgres:// or postgresql://…), got "mysql://db/peacegraph".'],
    ['DATABASE_POOL_SIZE', '0', 'DATABASE_POOL_SIZE must be a whole number ≥ 1, got "0".'],
    ['DATABASE_POOL_SIZE', 'ten', 'DATABASE_POOL_SIZE must be a whole number ≥ 1, got "ten".'],
    ['DATABASE_PREPARE', 'disabled', 'DATABASE_PREPARE must be on or off (1/0, true/false, yes/no), got "disabled".'],
    ['SHARED_READS', 'sometimes', 'SHARED_READS must be on or off (1/0, true/false, yes/no), got "sometimes".'],
    ['AGREEMENT_CACHE', 'none', 'AGREEMENT_CACHE must be on or off (1/0, true/false, yes/no), got "none".'],
    ['GATEWAY_SIGNING_SECRET', 'short', 'GATEWAY_SIGNING_SECRET must be at least 32 characters (the same for the gateway), got "short".'],
    ['SHUTDOWN_GRACE_MS', '-5', 'SHUTDOWN_GRACE_MS must be a whole number ≥ 0, got "-5".'],
    // At least 3 (docs/policy.md): 1 suppresses nothing, 2 lets one of two contributors learn the other's.
    ['SUPPRESSION_THRESHOLD', 'abc', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "abc".'],
    ['SUPPRESSION_THRESHOLD', '0', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "0".'],
    ['SUPPRESSION_THRESHOLD', '1', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "1".'],
    ['SUPPRESSION_THRESHOLD', '2', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "2".'],
    ['SUPPRESSION_THRESHOLD', '2.5', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "2.5".'],
    ['SUPPRESSION_THRESHOLD', '-5', 'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "-5".'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => subgraphEnv({ [name]: value })).toThrow(new SettingError(message));
  });

  it('names every bad variable, one line each', () => {
    expect(() => subgraphEnv({ SUPPRESSION_THRESHOLD: '2', DATABASE_POOL_SIZE: 'ten', LOG_LEVEL: 'loud' })).toThrow(
      new SettingError(
        [
          'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud".',
          'DATABASE_POOL_SIZE must be a whole number ≥ 1, got "ten".',
          'SUPPRESSION_THRESHOLD must be a whole number ≥ 3, got "2".',
        ].join('\n'),
      ),
    );
  });

  it("one variable alone (kit's modules) is refused with the same message, and the others are not read", () => {
    expect(() => subgraphSetting('SHARED_READS', { SHARED_READS: 'sometimes' })).toThrow('SHARED_READS must be on or off');
    expect(subgraphSetting('SHARED_READS', { SHARED_READS: 'off', DATABASE_POOL_SIZE: 'ten' })).toBe(false);
  });
});
