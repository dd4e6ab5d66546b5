import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** A plain decimal number: optional minus, digits, optional fraction; no exponent, no grouping. */
const DECIMAL_SHAPE = /^-?\d{1,18}(\.\d{1,18})?$/;

export function isDecimal(value: string): boolean {
  return DECIMAL_SHAPE.test(value);
}

function decimal(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string' && isDecimal(value)) return value;
  throw new GraphQLError(`Decimal must be a decimal number written as a string, e.g. "1500000.00"; got ${JSON.stringify(value)?.slice(0, 30)}.`, { nodes });
}

/**
 * `Decimal`: an exact decimal as a string (never a float, so sums reconcile). Only the shape is
 * checked here; an amount's decimals are checked against its currency's ISO 4217 minor units
 * where the amount and its currency meet (`readMoneyAmount`). Outputs also accept a bigint
 * (exact) and pass PostgreSQL `numeric` text through unchanged.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1500000.00"; money amounts carry their currency\'s ISO 4217 minor units (JPY 0, USD 2, KWD 3).',
  serialize: (value) => decimal(typeof value === 'bigint' ? value.toString() : value),
  parseValue: (value) => decimal(value),
  parseLiteral: (ast) => decimal(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
