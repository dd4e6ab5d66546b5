import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { inCapitals } from './in-capitals';
import countries from 'i18n-iso-countries';

/**
 * OCHA p-code shape: the ISO 3166-1 alpha-2 code of the country, then the digits of each
 * administrative level (CF, CF31, CF3111). Only the shape is checked here; whether the area
 * exists is the database's reference table's business.
 */
const PCODE_SHAPE = /^([A-Z]{2})(\d{1,12})?$/;

export function isPcode(value: string): boolean {
  const match = PCODE_SHAPE.exec(value);
  return match !== null && countries.isValid(match[1]!);
}

function pcode(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string' && isPcode(value)) return value;
  throw new GraphQLError(`PCode must be an OCHA p-code: an ISO 3166-1 alpha-2 country code then digits, e.g. "CF31"; got ${JSON.stringify(value)?.slice(0, 20)}.`, { nodes });
}

/** `PCode`: an OCHA administrative-area p-code, shape-checked. */
export const PCodeScalar = new GraphQLScalarType<string, string>({
  name: 'PCode',
  description: 'OCHA p-code of an administrative area: ISO 3166-1 alpha-2 country code then digits, e.g. CF31.',
  serialize: (value) => pcode(value),
  parseValue: (value) => pcode(inCapitals(value)),
  parseLiteral: (ast) => pcode(ast.kind === Kind.STRING ? inCapitals(ast.value) : undefined, ast),
});
