import { GraphQLError, GraphQLSchema, GraphQLObjectType, GraphQLString, Kind, graphql, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CountryCodeScalar } from './country-code';
import { CurrencyCodeScalar, formatMoneyAmount, minorUnitsOf, readMoneyAmount } from './currency';
import { DateScalar, DateTimeScalar } from './date';
import { DecimalScalar } from './decimal';
import { PCodeScalar } from './pcode';
import { YearMonthScalar } from './year-month';

/** What a client sees for `value` sent as the variable of `scalar` to a one-argument field. */
async function asVariable(scalar: GraphQLScalarType, value: unknown) {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { echo: { type: GraphQLString, args: { value: { type: scalar } }, resolve: (_, args) => JSON.stringify(args.value) } },
    }),
  });
  return graphql({ schema, source: `query($value: ${scalar.name}) { echo(value: $value) }`, variableValues: { value } });
}

describe('Date', () => {
  it('keeps a calendar date as the same string both ways', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.serialize('2024-06-30')).toBe('2024-06-30');
    expect(DateScalar.serialize(new Date('2024-06-30T00:00:00Z'))).toBe('2024-06-30');
  });
  it.each(['2025-02-30', '2025-13-01', '30/06/2024', '2024-06-30T00:00:00Z', ''])('refuses %j', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(GraphQLError);
  });
  it('names the variable when it refuses one', async () => {
    const result = await asVariable(DateScalar, '2025-02-30');
    expect(result.errors?.[0]?.message).toMatch(/\$value.*2025-02-30/);
  });
});

describe('DateTime', () => {
  it('parses an offset date-time to the instant and writes UTC ISO 8601', () => {
    const parsed = DateTimeScalar.parseValue('2024-06-30T10:15:00+02:00') as Date;
    expect(parsed.toISOString()).toBe('2024-06-30T08:15:00.000Z');
    expect(DateTimeScalar.serialize(parsed)).toBe('2024-06-30T08:15:00.000Z');
    expect(DateTimeScalar.serialize('2024-06-30T08:15:00Z')).toBe('2024-06-30T08:15:00.000Z');
  });
  it.each(['2024-06-30', '2024-06-30T25:00:00Z', '2024-06-30T08:15:00', 'yesterday'])('refuses %j', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow(GraphQLError);
  });
});

describe('YearMonth', () => {
  it('keeps a month as the same string both ways', () => {
    for (const month of ['2024-01', '2024-12', '1999-06']) expect(YearMonthScalar.parseValue(month)).toBe(month);
    expect(YearMonthScalar.serialize('2024-06')).toBe('2024-06');
  });
  it.each(['2024-13', '2024-00', '2024-6', '0000-01', '2024-06-01', '06/2024', 'June 2024', '', 202406])('refuses %j', (value) => {
    expect(() => YearMonthScalar.parseValue(value)).toThrow(/YearMonth must be a month written YYYY-MM with the month 01–12/);
  });
  it('refuses a literal, and names the variable when it refuses one', async () => {
    expect(() => YearMonthScalar.parseLiteral({ kind: Kind.STRING, value: '2024-13' }, undefined)).toThrow(GraphQLError);
    expect(() => YearMonthScalar.parseLiteral({ kind: Kind.INT, value: '202401' }, undefined)).toThrow(GraphQLError);
    const result = await asVariable(YearMonthScalar, '2024-13');
    expect(result.errors?.[0]?.message).toMatch(/\$value.*2024-13.*YearMonth/);
  });
});

describe('CountryCode', () => {
  it('accepts ISO 3166-1 alpha-3 codes and the withdrawn ones historic records carry', () => {
    for (const code of ['CAF', 'COD', 'MLI', 'NOR', 'YUG']) expect(CountryCodeScalar.parseValue(code)).toBe(code);
  });
  it('reads an input code in capitals, and serializes capitals', () => {
    expect(CountryCodeScalar.parseValue('caf')).toBe('CAF');
    expect(() => CountryCodeScalar.serialize('caf')).toThrow(/ISO 3166-1 alpha-3/);
  });
  it.each(['CF', 'XYZ', 'xyz', 'ABC', 'CAFE', 42])('refuses %j', (value) => {
    expect(() => CountryCodeScalar.parseValue(value)).toThrow(/ISO 3166-1 alpha-3/);
  });
});

describe('PCode', () => {
  it('accepts an alpha-2 country code followed by the digits of each level', () => {
    for (const code of ['CF', 'CF31', 'CF3111', 'CD10', 'ML0601']) expect(PCodeScalar.parseValue(code)).toBe(code);
  });
  it('reads an input p-code in capitals', () => {
    expect(PCodeScalar.parseValue('cf431')).toBe('CF431');
  });
  it.each(['CF-31', 'QQ31', 'qq31', 'CAF31', 'CF3A', ''])('refuses %j', (value) => {
    expect(() => PCodeScalar.parseValue(value)).toThrow(/p-code/);
  });
});

describe('Decimal', () => {
  it('travels as the exact string', () => {
    expect(DecimalScalar.parseValue('1500000.005')).toBe('1500000.005');
    expect(DecimalScalar.serialize('-12.50')).toBe('-12.50');
    expect(DecimalScalar.serialize(123456789012345678n)).toBe('123456789012345678');
  });
  it.each([1.5, '1e6', '1,000.00', '12.', ' 12', 'NaN'])('refuses %j', (value) => {
    expect(() => DecimalScalar.parseValue(value)).toThrow(/Decimal/);
  });
});

describe('money in ISO 4217 minor units', () => {
  it('reads the minor units from the ISO 4217 table', () => {
    expect([minorUnitsOf('JPY'), minorUnitsOf('XAF'), minorUnitsOf('USD'), minorUnitsOf('KWD')]).toEqual([0, 0, 2, 3]);
  });
  it('writes each amount with its currency\'s decimals', () => {
    expect(readMoneyAmount('amount', '1500', 'JPY')).toBe('1500');
    expect(readMoneyAmount('amount', '250000', 'XAF')).toBe('250000');
    expect(readMoneyAmount('amount', '12.5', 'USD')).toBe('12.50');
    expect(readMoneyAmount('amount', '12', 'USD')).toBe('12.00');
    expect(readMoneyAmount('amount', '1.234', 'KWD')).toBe('1.234');
    expect(readMoneyAmount('amount', '007.1', 'KWD')).toBe('7.100');
  });
  it('refuses more decimals than the currency has, naming the field', () => {
    for (const [amount, currency] of [['1.234', 'USD'], ['1.5', 'JPY'], ['10.01', 'XAF'], ['1.2345', 'KWD']] as const) {
      expect(() => readMoneyAmount('input.amount', amount, currency)).toThrow(expect.objectContaining({
        message: expect.stringContaining('input.amount'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }));
    }
  });
  it('formats stored numeric text to the currency, refusing a value it would have to round', () => {
    expect(formatMoneyAmount('1500.00', 'JPY')).toBe('1500');
    expect(formatMoneyAmount('1.230', 'KWD')).toBe('1.230');
    expect(formatMoneyAmount('582630000', 'USD')).toBe('582630000.00');
    expect(() => formatMoneyAmount('1500.50', 'JPY')).toThrow(/more decimals/);
  });
  it('refuses an unknown or non-money currency', () => {
    for (const code of ['ZZZ', 'zzz', 'XAU', 'XXX', 'US']) {
      expect(() => CurrencyCodeScalar.parseValue(code)).toThrow(/ISO 4217/);
      expect(() => minorUnitsOf(code)).toThrow();
    }
    expect(CurrencyCodeScalar.parseValue('XAF')).toBe('XAF');
  });
});
