/**
 * ISO 4217 alphabetic codes accepted on writes: the currencies that occur in the FTS files
 * and in UN assessments, plus the other actively traded ones donors report in. A code not
 * listed here is refused as "unknown currency" (the list is the one place to add one).
 */
export const ISO_4217 = new Set([
  'AED', 'AFN', 'ARS', 'AUD', 'BDT', 'BRL', 'CAD', 'CHF', 'CLP', 'CNY', 'COP', 'CZK', 'DKK', 'EGP', 'EUR', 'GBP',
  'HKD', 'HUF', 'IDR', 'ILS', 'INR', 'ISK', 'JOD', 'JPY', 'KES', 'KRW', 'KWD', 'LBP', 'MAD', 'MXN', 'MYR', 'NGN',
  'NOK', 'NZD', 'OMR', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'RUB', 'SAR', 'SEK', 'SGD', 'THB', 'TRY', 'TWD', 'UAH',
  'USD', 'XAF', 'XOF', 'ZAR',
]);

export function isKnownCurrency(code: string): boolean {
  return ISO_4217.has(code);
}
