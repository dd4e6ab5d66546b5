import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compiledResultShaping } from './result-shaping';

// What the compiled shaper shapes, and where it leaves the answer to @apollo/gateway's
// computeResponse (undefined). Its answers equal computeResponse's for every persisted operation:
// tests/gateway/single-fetch.e2e.test.ts.
const schema = buildSchema(`
  enum Status { ACTIVE CLOSED }
  scalar Date
  type Area { pcode: ID! name: String! }
  type Mission { id: ID! status: Status count: Int started: Date areas: [Area!]! lead: Area }
  interface Named { name: String }
  type Query { mission: Mission missions: [Mission!]! named: Named }
`);

function shape(query: string, data: Record<string, unknown>) {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return compiledResultShaping()({ schema, operation, fragments: {} } as never, data);
}

describe('compiled result shaping', () => {
  it('copies the requested fields in the operation’s order, aliases and __typename included, and drops the rest', () => {
    const shaped = shape('{ m: mission { __typename status id areas { name } lead { name } started } }', {
      m: { started: { any: 'value' }, id: 'MINUSCA', status: 'ACTIVE', areas: [{ __typename: 'Area', pcode: 'CF11', name: 'Ombella' }], lead: null, __typename: 'Mission', extra: 1 },
    });
    expect(JSON.stringify(shaped?.data)).toBe('{"m":{"__typename":"Mission","status":"ACTIVE","id":"MINUSCA","areas":[{"name":"Ombella"}],"lead":null,"started":{"any":"value"}}}');
    expect(shaped?.errors).toEqual([]);
  });

  it('leaves to computeResponse a null in a non-null position, an invalid leaf, another __typename, a wrong kind', () => {
    expect(shape('{ missions { id } }', { missions: [{ id: null }] })).toBeUndefined();
    expect(shape('{ mission { areas { name } } }', { mission: { areas: [{}] } })).toBeUndefined(); // missing non-null
    expect(shape('{ mission { status } }', { mission: { status: 'SECRET' } })).toBeUndefined(); // enum value unknown
    expect(shape('{ mission { count } }', { mission: { count: 1.5 } })).toBeUndefined();
    expect(shape('{ mission { id } }', { mission: { __typename: 'Area', id: 'x' } })).toBeUndefined();
    expect(shape('{ mission { areas { name } } }', { mission: { areas: { name: 'x' } } })).toBeUndefined();
  });

  it('takes no operation with fragments, directives, introspection or abstract types', () => {
    expect(shape('{ mission { ... on Mission { id } } }', { mission: { id: 'x' } })).toBeUndefined();
    expect(shape('query ($x: Boolean!) { mission { id @include(if: $x) } }', { mission: { id: 'x' } })).toBeUndefined();
    expect(shape('{ __schema { queryType { name } } }', {})).toBeUndefined();
    expect(shape('{ named { name } }', { named: { name: 'x' } })).toBeUndefined();
    expect(shape('{ mission { id } mission { id } }', { mission: { id: 'x' } })).toBeUndefined();
  });
});
