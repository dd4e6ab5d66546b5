import { badInput, calendarDate } from '@peacegraph/kit';
import { isKnownCurrency } from './currency';
import { fromCents, toCents } from './decimal';

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
const RATE = /^\d{1,12}(\.\d{1,6})?$/;

/** A positive amount with at most two decimals, as a canonical decimal string. Errors name the field. */
export function readPositiveAmount(field: string, value: string): string {
  if (!AMOUNT.test(value)) throw badInput(field, `must be a decimal string with at most two decimals, e.g. "1500000.00", got ${JSON.stringify(value)}.`);
  const cents = toCents(value);
  if (cents <= 0n) throw badInput(field, 'must be positive.');
  return fromCents(cents);
}

export function readCurrency(field: string, value: string): string {
  if (!isKnownCurrency(value)) throw badInput(field, `is not a known ISO 4217 currency code: ${JSON.stringify(value)}.`);
  return value;
}

/** Units of `currency` per US dollar, positive, at most six decimals (FTS convention). */
export function readExchangeRate(field: string, value: string): string {
  if (!RATE.test(value) || Number(value) <= 0) throw badInput(field, `must be a positive decimal with at most six decimals, got ${JSON.stringify(value)}.`);
  const [whole, fraction = ''] = value.split('.');
  return `${BigInt(whole!)}.${fraction.padEnd(6, '0')}`;
}

export function readDate(field: string, value: string): string {
  return calendarDate(field, value);
}

/** original ÷ rate (units per USD) → USD, rounded half up to the cent; exact bigint arithmetic. */
export function toUsd(originalAmount: string, exchangeRate: string): string {
  const cents = toCents(originalAmount);
  const [whole, fraction = ''] = exchangeRate.split('.');
  const micro = BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return fromCents((cents * 1_000_000n * 2n + micro) / (2n * micro));
}

export interface ConvertedAmount {
  amountUsd: string;
  originalAmount: string;
  originalCurrency: string;
  exchangeRate: string;
  exchangeRateDate: string;
}

/**
 * Currency conversion is explicit: a non-USD amount needs the rate and the date it applies
 * to; a USD amount takes rate 1 (a different rate is refused).
 */
export function convert(
  fields: { amount: string; currency: string; rate: string; rateDate: string },
  input: { amount: string; currency: string; exchangeRate?: string | null; exchangeRateDate?: string | null },
  today: string,
): ConvertedAmount {
  const originalAmount = readPositiveAmount(fields.amount, input.amount);
  const originalCurrency = readCurrency(fields.currency, input.currency);
  if (originalCurrency === 'USD') {
    if (input.exchangeRate && readExchangeRate(fields.rate, input.exchangeRate) !== '1.000000') throw badInput(fields.rate, 'must be 1 (or omitted) for USD.');
    return { amountUsd: originalAmount, originalAmount, originalCurrency, exchangeRate: '1.000000', exchangeRateDate: input.exchangeRateDate ? readDate(fields.rateDate, input.exchangeRateDate) : today };
  }
  if (!input.exchangeRate) throw badInput(fields.rate, `is required for ${originalCurrency}: units of ${originalCurrency} per US dollar.`);
  if (!input.exchangeRateDate) throw badInput(fields.rateDate, 'is required with an exchange rate: the date the rate applies to.');
  const exchangeRate = readExchangeRate(fields.rate, input.exchangeRate);
  return { amountUsd: toUsd(originalAmount, exchangeRate), originalAmount, originalCurrency, exchangeRate, exchangeRateDate: readDate(fields.rateDate, input.exchangeRateDate) };
}
