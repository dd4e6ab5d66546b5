import { buildSchema, parse, validate, specifiedRules, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { namedInputError, TypedLiteralFieldsRule } from './named-input-errors';
import { withTypedScalars } from './typed-scalars';

const schema = withTypedScalars(
  buildSchema(`
    scalar Date
    scalar PCode
    input Stop { adminAreaPcode: PCode! }
    input Route { activeOn: Date, stops: [Stop!] }
    type Query { plan(filter: Route, on: Date): Int }
  `),
);

function refusal(document: string): GraphQLFormattedError | undefined {
  const [error] = validate(schema, parse(document), [...specifiedRules, TypedLiteralFieldsRule]);
  if (!error) return undefined;
  return namedInputError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error);
}

describe('refused typed values name their field', () => {
  it('a literal: BAD_USER_INPUT with the argument path, list indexes included', () => {
    expect(refusal('{ plan(on: "2024-6-1") }')?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'on' });
    expect(refusal('{ plan(filter: { activeOn: "2025-02-30" }) }')?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.activeOn' });
    expect(refusal('{ plan(filter: { stops: [{ adminAreaPcode: "CF431" }, { adminAreaPcode: "CF-1" }] }) }')?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.stops[1].adminAreaPcode',
    });
  });

  it('a variable: the path graphql-js names in its message', () => {
    const message = 'Variable "$filter" got invalid value "2024-6-1" at "filter.activeOn"; Date cannot represent an invalid date-string 2024-6-1.';
    expect(namedInputError({ message, extensions: { code: 'BAD_USER_INPUT' } }, undefined)?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.activeOn' });
    const whole = 'Variable "$on" got invalid value "x"; Date cannot represent an invalid date-string x.';
    expect(namedInputError({ message: whole, extensions: { code: 'BAD_USER_INPUT' } }, undefined)?.extensions?.field).toBe('on');
  });

  it('leaves other validation errors alone', () => {
    expect(refusal('{ plan(nope: 1) }')).toBeUndefined();
  });
});
