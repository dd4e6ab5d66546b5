import currencyCodes from 'currency-codes';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { inCapitals } from './in-capitals';
import { badInput } from '../errors';

/**
 * ISO 4217 fund codes: units of account beside a currency (Chile's Unidad de Fomento, the US
 * next-day dollar, …), not money anyone pays in; two of them have 4 minor units.
 */
const FUND_CODES = new Set(['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW']);

/**
 * ISO 4217 codes that are not money (precious metals, testing, SDR-like units, "no currency",
 * fund codes): a payment or pledge in them is a mistake. What remains has at most 3 minor units.
 */
function isMoneyCurrency(code: string): boolean {
  if (FUND_CODES.has(code)) return false;
  return !code.startsWith('X') || ['XAF', 'XOF', 'XPF', 'XCD'].includes(code);
}

/** True for an active ISO 4217 alphabetic code of a currency (currency-codes' table). */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && currencyCodes.code(value) !== undefined && isMoneyCurrency(value);
}

/** The ISO 4217 minor units of `currency`: 0 for JPY and XAF, 2 for USD, 3 for KWD. */
export function minorUnitsOf(currency: string): number {
  const entry = isCurrencyCode(currency) ? currencyCodes.code(currency) : undefined;
  if (!entry) throw new Error(`not an ISO 4217 currency: ${currency}`);
  return entry.digits;
}

function currencyCode(value: unknown, nodes?: ValueNode): string {
  if (typeof value === 'string' && isCurrencyCode(value)) return value;
  throw new GraphQLError(`CurrencyCode must be an ISO 4217 currency code in capitals, e.g. "USD"; got ${JSON.stringify(value)?.slice(0, 20)}.`, { nodes });
}

/** `CurrencyCode`: ISO 4217 alphabetic code of a currency. */
export const CurrencyCodeScalar = new GraphQLScalarType<string, string>({
  name: 'CurrencyCode',
  description: 'ISO 4217 alphabetic currency code, e.g. USD, XAF.',
  specifiedByURL: 'https://www.iso.org/iso-4217-currency-codes.html',
  serialize: (value) => currencyCode(value),
  parseValue: (value) => currencyCode(inCapitals(value)),
  parseLiteral: (ast) => currencyCode(ast.kind === Kind.STRING ? inCapitals(ast.value) : undefined, ast),
});

const AMOUNT_SHAPE = /^(-?)(\d{1,16})(?:\.(\d+))?$/;

/**
 * `value` written with exactly the minor units of `currency` ('1500' JPY → '1500';
 * '12.5' USD → '12.50'; '1.2345' KWD → error). Refuses more decimals than the currency has,
 * never rounds. BAD_USER_INPUT names `field`.
 */
export function readMoneyAmount(field: string, value: string, currency: string): string {
  const digits = minorUnitsOf(currency);
  const match = AMOUNT_SHAPE.exec(value);
  if (!match) throw badInput(field, `must be a decimal amount, e.g. "1500000${digits ? '.' + '0'.repeat(digits) : ''}", got ${JSON.stringify(value.slice(0, 30))}.`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) {
    throw badInput(field, `has ${fraction.length} decimals; ${currency} has ${digits} (ISO 4217 minor units), got ${JSON.stringify(value)}.`);
  }
  return formatParts(sign!, whole!, fraction, digits);
}

/**
 * A stored amount (PostgreSQL numeric text, any scale) written with the minor units of
 * `currency`; extra decimals must be zeros (a stored value is never silently rounded).
 */
export function formatMoneyAmount(value: string, currency: string): string {
  const digits = minorUnitsOf(currency);
  const match = AMOUNT_SHAPE.exec(value);
  if (!match) throw new Error(`not a decimal amount: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(digits))) throw new Error(`${value} has more decimals than ${currency} (${digits})`);
  return formatParts(sign!, whole!, fraction.slice(0, digits), digits);
}

function formatParts(sign: string, whole: string, fraction: string, digits: number): string {
  const integer = BigInt(whole).toString();
  const isZero = integer === '0' && !/[1-9]/.test(fraction);
  const prefix = isZero ? '' : sign;
  return digits === 0 ? `${prefix}${integer}` : `${prefix}${integer}.${fraction.padEnd(digits, '0')}`;
}
