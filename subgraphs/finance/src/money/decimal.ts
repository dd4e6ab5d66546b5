import { formatMoneyAmount, minorUnitsOf } from '@peacegraph/kit';

/**
 * Exact money arithmetic on decimal strings. Amounts travel as strings (Postgres `numeric`
 * comes back as a string) and are computed on as bigint thousandths: never a float, and three
 * decimals hold every money currency's ISO 4217 minor units (JPY 0, USD 2, KWD 3), so one scale
 * serves sums in any currency. An amount is written back with its own currency's minor units.
 */
export const MONEY_DECIMALS = 3;
const SCALE = 10n ** BigInt(MONEY_DECIMALS);
const DECIMAL = /^(-?)(\d{1,16})(?:\.(\d*))?$/;

/** '1234.5' → 1234500n (thousandths). Throws on anything that is not an amount of at most three decimals. */
export function toThousandths(value: string): bigint {
  const match = DECIMAL.exec(value);
  if (!match) throw new Error(`not a decimal amount: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(MONEY_DECIMALS))) throw new Error(`more than ${MONEY_DECIMALS} decimals: ${value}`);
  const units = BigInt(whole!) * SCALE + BigInt(fraction.slice(0, MONEY_DECIMALS).padEnd(MONEY_DECIMALS, '0'));
  return sign ? -units : units;
}

/** 1234500n, 'USD' → '1234.50'; refuses a value finer than the currency's minor units (never rounds). */
export function formatThousandths(units: bigint, currency: string): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const text = `${negative ? '-' : ''}${abs / SCALE}.${(abs % SCALE).toString().padStart(MONEY_DECIMALS, '0')}`;
  return formatMoneyAmount(text, currency);
}

/** Postgres numeric text ('582630000.000', '12', '0.5') → the currency's canonical form ('12.00' USD, '12' JPY, '12.000' KWD). */
export function normalizeAmount(value: string | number, currency: string): string {
  return formatMoneyAmount(String(value), currency);
}

/**
 * amount × numerator ÷ denominator in the currency's minor units, rounded half away from zero
 * ('half-up') or toward zero ('down'), exactly.
 */
export function scaleAmount(amount: string, numerator: bigint, denominator: bigint, currency: string, rounding: 'half-up' | 'down' = 'half-up'): string {
  if (denominator <= 0n) throw new Error('denominator must be positive');
  const step = 10n ** BigInt(MONEY_DECIMALS - minorUnitsOf(currency));
  const product = toThousandths(amount) * numerator;
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const d = denominator * step;
  const steps = rounding === 'half-up' ? (abs * 2n + d) / (2n * d) : abs / d;
  return formatThousandths((negative ? -steps : steps) * step, currency);
}

/** amount ÷ n, rounded half away from zero to the currency's minor unit. */
export function divideAmount(amount: string, divisor: number, currency: string): string {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new Error('divisor must be a positive integer');
  return scaleAmount(amount, 1n, BigInt(divisor), currency);
}

/** part / whole as a percentage with `decimals` places (half up), or null when whole is zero. */
export function percentOf(part: string, whole: string, decimals = 2): string | null {
  const p = toThousandths(part);
  const w = toThousandths(whole);
  if (w === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const scaled = (p * 100n * scale * 2n + w) / (2n * w);
  const whole_ = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  return decimals ? `${whole_}.${fraction}` : `${whole_}`;
}
