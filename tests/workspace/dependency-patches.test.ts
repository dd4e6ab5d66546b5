// The dependency patches (gateway/patches/, subgraphs/kit/patches/) are applied where the gateway and the subgraphs load their packages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@peacegraph/kit';

// Resolve exactly as the gateway does: @apollo/gateway's own copy of federation-internals.
const fromGateway = createRequire(createRequire(path.join(repoRoot, 'gateway', 'package.json')).resolve('@apollo/gateway'));

describe('@apollo/federation-internals patch', () => {
  const internals = fromGateway('@apollo/federation-internals') as Record<string, unknown>;
  const definitions = fromGateway('@apollo/federation-internals/dist/definitions') as Record<string, unknown>;

  it('re-exports as data properties, not getters (the hot reads of result shaping)', () => {
    for (const name of ['isNonNullType', 'isListType', 'isCompositeType', 'typenameFieldName', 'ERRORS']) {
      const descriptor = Object.getOwnPropertyDescriptor(internals, name);
      expect(descriptor, name).toBeDefined();
      expect(descriptor!.get, name).toBeUndefined();
      expect(descriptor!.value, name).toBeDefined();
    }
  });

  it('exports the same values as the modules it re-exports', () => {
    const names = Object.keys(definitions).filter((k) => k !== '__esModule');
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(internals[name], name).toBe(definitions[name]);
  });
});

describe('@apollo/gateway patch', () => {
  it('is applied: the Operation that shapes results is kept per parsed document, not rebuilt per request', () => {
    const file = path.join(path.dirname(createRequire(path.join(repoRoot, 'gateway', 'package.json')).resolve('@apollo/gateway')), 'executeQueryPlan.js');
    expect(readFileSync(file, 'utf8')).toContain('operationsByDefinition.get(operationContext.operation)');
  });
});

// Resolve as kit does: the copy of drizzle-orm every subgraph's loaders build statements with.
const fromKit = createRequire(path.join(repoRoot, 'subgraphs', 'kit', 'package.json'));

describe('drizzle-orm patch (subgraphs/kit/patches)', () => {
  const drizzle = fromKit('drizzle-orm') as typeof import('drizzle-orm');
  const { is, entityKind, SQL, Column, Param, sql } = drizzle;

  it('is applied: is() remembers each class’s answer instead of walking its chain per call', () => {
    const dir = path.dirname(fromKit.resolve('drizzle-orm'));
    for (const file of ['entity.js', 'entity.cjs']) expect(readFileSync(path.join(dir, file), 'utf8'), file).toContain('kindsByClass');
  });

  it('answers as before, the same every time: instances, subclasses by kind, another copy’s classes, non-entities', () => {
    class OtherCopysSql { static readonly [entityKind] = 'SQL'; }
    class Unrelated { static readonly [entityKind] = 'Unrelated'; }
    const query = sql`select 1`;
    for (let round = 0; round < 3; round++) {
      expect(is(query, SQL)).toBe(true);
      expect(is(new Param(1), Param)).toBe(true);
      expect(is(query, Param)).toBe(false);
      expect(is(query, Column)).toBe(false);
      expect(is(new OtherCopysSql(), SQL)).toBe(true);
      expect(is(new Unrelated(), SQL)).toBe(false);
      expect(is({ a: 1 }, SQL)).toBe(false);
      expect(is(Object.create(Object.create(null)), SQL)).toBe(false); // no constructor at all
      expect(is('select', SQL)).toBe(false);
      expect(is(null, SQL)).toBe(false);
    }
    expect(() => is(query, class NotAnEntity {} as never)).toThrow(/doesn't look like a Drizzle entity/);
  });
});
