// Issue 3: every field of the composed supergraph has a data class (schema/data-classes.json
// is generated from the @Classified decorators by `pnpm compose`).
import { readFileSync } from 'node:fs';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_DATA_CLASSES } from '@peacegraph/kit';
import { POLICY_SNAPSHOT_PATH, SUPERGRAPH_PATH } from '../../scripts/compose';

const PLUMBING = /^(__|_|join__|link__)/;

describe('data classes', () => {
  it('every field of every object type in the supergraph has a known data class', () => {
    const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
    const snapshot = JSON.parse(readFileSync(POLICY_SNAPSHOT_PATH, 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
    const classOf = (type: string, field: string) =>
      Object.values(snapshot)
        .map((types) => types[type]?.[field])
        .find((c) => c !== undefined);
    const unclassified: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || PLUMBING.test(type.name)) continue;
      for (const field of Object.keys(type.getFields())) {
        if (PLUMBING.test(field)) continue;
        checked++;
        const cls = (classOf(type.name, field) as string | undefined)?.split(' ')[0];
        if (!cls || !(ALL_DATA_CLASSES as string[]).includes(cls)) unclassified.push(`${type.name}.${field}`);
      }
    }
    expect(unclassified).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });
});
