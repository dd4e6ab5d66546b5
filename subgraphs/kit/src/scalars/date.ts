import { GraphQLDate, GraphQLDateTimeISO } from 'graphql-scalars';
import { GraphQLScalarType, type ValueNode } from 'graphql';

/**
 * `Date`: a calendar day, YYYY-MM-DD (RFC 3339 full-date), validated by graphql-scalars (so
 * 2025-02-30 is refused). Resolvers keep receiving and returning the string: it is what the
 * PostgreSQL `date` columns give and take, and the wire format stays byte-for-byte the same.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (RFC 3339 full-date), e.g. 2024-06-30.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: (value) => GraphQLDate.serialize(value) as string,
  parseValue(value) {
    GraphQLDate.parseValue(value);
    return value as string;
  },
  parseLiteral(ast: ValueNode) {
    GraphQLDate.parseLiteral(ast, undefined);
    return (ast as { value: string }).value;
  },
});

/**
 * `DateTime`: an instant, RFC 3339 date-time with an offset (e.g. 2024-06-30T08:15:00Z).
 * Inputs arrive as a JS Date; outputs are written as UTC ISO 8601 with milliseconds
 * (Date#toISOString), which is what the API returned before the scalar.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'An instant, RFC 3339 date-time with an offset, e.g. 2024-06-30T08:15:00Z; returned in UTC with milliseconds.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
} as ConstructorParameters<typeof GraphQLScalarType<Date, string>>[0]);
