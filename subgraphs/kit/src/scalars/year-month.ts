import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** A calendar month, YYYY-MM: year 0001–9999, month 01–12. */
const YEAR_MONTH_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): boolean {
  const match = YEAR_MONTH_SHAPE.exec(value);
  return match !== null && Number(match[1]) >= 1;
}

function yearMonth(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string' && isYearMonth(value)) return value;
  throw new GraphQLError(`YearMonth must be a month written YYYY-MM with the month 01–12, e.g. "2024-06"; got ${JSON.stringify(value)?.slice(0, 20)}.`, { nodes });
}

/**
 * `YearMonth`: a calendar month, YYYY-MM (ISO 8601 calendar month), the unit the statistics
 * group by. Travels as the same string both ways, which is what the rollup tables store and
 * what sorts in time order.
 */
export const YearMonthScalar = new GraphQLScalarType<string, string>({
  name: 'YearMonth',
  description: 'A calendar month, YYYY-MM with the month 01–12 (ISO 8601), e.g. 2024-06.',
  specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
  serialize: (value) => yearMonth(value),
  parseValue: (value) => yearMonth(value),
  parseLiteral: (ast) => yearMonth(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
