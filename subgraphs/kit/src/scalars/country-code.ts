import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { inCapitals } from './in-capitals';
import countries from 'i18n-iso-countries';

/**
 * Codes withdrawn from ISO 3166-1 (now in ISO 3166-3) that UN peacekeeping records still
 * carry for states that no longer exist: fatalities of Yugoslavia and Serbia and Montenegro.
 */
const WITHDRAWN_STILL_IN_RECORDS = new Set(['YUG', 'SCG']);

/** True for an ISO 3166-1 alpha-3 code (i18n-iso-countries' list) or a withdrawn one the records use. */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && (countries.alpha3ToAlpha2(value) !== undefined || WITHDRAWN_STILL_IN_RECORDS.has(value));
}

function countryCode(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string' && isCountryCode(value)) return value;
  throw new GraphQLError(`CountryCode must be an ISO 3166-1 alpha-3 code in capitals, e.g. "CAF"; got ${JSON.stringify(value)?.slice(0, 20)}.`, { nodes });
}

/** `CountryCode`: ISO 3166-1 alpha-3, validated against the ISO list on input and output. */
export const CountryCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CountryCode',
  description: 'ISO 3166-1 alpha-3 country code in capitals, e.g. CAF (YUG and SCG, withdrawn, appear in historical records).',
  specifiedByURL: 'https://www.iso.org/iso-3166-country-codes.html',
  serialize: (value) => countryCode(value),
  parseValue: (value) => countryCode(inCapitals(value)),
  parseLiteral: (ast) => countryCode(ast.kind === Kind.STRING ? inCapitals(ast.value) : undefined, ast),
});
