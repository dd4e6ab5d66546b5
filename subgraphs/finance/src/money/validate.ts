import { badInput, calendarDate, isCurrencyCode, readMoneyAmount } from '@peacegraph/kit';
import { formatThousandths } from './decimal';

const RATE = /^\d{1,12}(\.\d{1,6})?$/;

/**
 * A positive amount with at most the ISO 4217 minor units of `currency` (JPY 0, USD 2, KWD 3),
 * as a canonical decimal string with exactly that many decimals. Errors name the field.
 */
export function readPositiveAmount(field: string, value: string, currency: string): string {
  const amount = readMoneyAmount(field, value, currency);
  if (amount.startsWith('-') || !/[1-9]/.test(amount)) throw badInput(field, 'must be positive.');
  return amount;
}

export function readCurrency(field: string, value: string): string {
  if (!isCurrencyCode(value)) throw badInput(field, `is not a known ISO 4217 currency code: ${JSON.stringify(value)}.`);
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

/**
 * original ÷ rate (units per USD) → USD, rounded half up to the cent; exact bigint arithmetic.
 * The original amount may have any number of decimals (its currency's minor units: KWD has 3).
 */
export function toUsd(originalAmount: string, exchangeRate: string): string {
  const [whole, fraction = ''] = originalAmount.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const units = BigInt(whole!) * scale + BigInt(fraction || '0');
  const [rateWhole, rateFraction = ''] = exchangeRate.split('.');
  const micro = BigInt(rateWhole!) * 1_000_000n + BigInt(rateFraction.padEnd(6, '0'));
  const divisor = scale * micro;
  const cents = (units * 100_000_000n * 2n + divisor) / (2n * divisor);
  return formatThousandths(cents * 10n, 'USD');
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
  const originalCurrency = readCurrency(fields.currency, input.currency);
  const originalAmount = readPositiveAmount(fields.amount, input.amount, originalCurrency);
  if (originalCurrency === 'USD') {
    if (input.exchangeRate && readExchangeRate(fields.rate, input.exchangeRate) !== '1.000000') throw badInput(fields.rate, 'must be 1 (or omitted) for USD.');
    return { amountUsd: originalAmount, originalAmount, originalCurrency, exchangeRate: '1.000000', exchangeRateDate: input.exchangeRateDate ? readDate(fields.rateDate, input.exchangeRateDate) : today };
  }
  if (!input.exchangeRate) throw badInput(fields.rate, `is required for ${originalCurrency}: units of ${originalCurrency} per US dollar.`);
  if (!input.exchangeRateDate) throw badInput(fields.rateDate, 'is required with an exchange rate: the date the rate applies to.');
  const exchangeRate = readExchangeRate(fields.rate, input.exchangeRate);
  return { amountUsd: toUsd(originalAmount, exchangeRate), originalAmount, originalCurrency, exchangeRate, exchangeRateDate: readDate(fields.rateDate, input.exchangeRateDate) };
}
