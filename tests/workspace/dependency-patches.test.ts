// The dependency patches in gateway/patches/ are applied where the gateway loads its packages.
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

  it('is applied: a one-fetch plan the gateway proves a plain copy skips result shaping', () => {
    const dist = path.dirname(createRequire(path.join(repoRoot, 'gateway', 'package.json')).resolve('@apollo/gateway'));
    expect(readFileSync(path.join(dist, 'executeQueryPlan.js'), 'utf8')).toContain('singleFetchPassThrough(queryPlan, operationContext, supergraphSchema)');
    expect(readFileSync(path.join(dist, 'index.js'), 'utf8')).toContain('this.config.singleFetchPassThrough, this.config.shapeResult');
  });

  it("is applied: the gateway's compiled result shaping is tried before computeResponse", () => {
    const dist = path.dirname(createRequire(path.join(repoRoot, 'gateway', 'package.json')).resolve('@apollo/gateway'));
    expect(readFileSync(path.join(dist, 'executeQueryPlan.js'), 'utf8')).toContain('(shapeResult && shapeResult(operationContext, unfilteredData)) ||');
  });
});
