/**
 * Exact money arithmetic on decimal strings. Amounts travel as strings (Postgres `numeric`
 * comes back as a string) and are computed on as bigint minor units: never a float, so sums
 * reconcile to the cent.
 */
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

/** '1234.5' → 123450n (cents). Throws on anything that is not a decimal amount. */
export function toCents(value: string): bigint {
  if (!DECIMAL.test(value)) throw new Error(`not a decimal amount: ${value}`);
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** 123450n → '1234.50' */
export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Postgres numeric text ('582630000.00', '12', '0.5') → canonical two-decimal string. */
export function normalizeAmount(value: string | number | bigint): string {
  if (typeof value === 'bigint') return fromCents(value * 100n);
  const text = String(value);
  const match = /^(-?\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new Error(`not a decimal amount: ${text}`);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(fraction.slice(2))) throw new Error(`more than two decimals: ${text}`);
  return fromCents(toCents(`${match[1]}.${fraction.slice(0, 2)}`));
}

/** amount ÷ n, rounded half away from zero to the cent. */
export function divideAmount(amount: string, divisor: number): string {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new Error('divisor must be a positive integer');
  const cents = toCents(normalizeAmount(amount));
  const d = BigInt(divisor);
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const rounded = (abs * 2n + d) / (2n * d);
  return fromCents(negative ? -rounded : rounded);
}

/** part / whole as a percentage with `decimals` places (half up), or null when whole is zero. */
export function percentOf(part: string, whole: string, decimals = 2): string | null {
  const p = toCents(normalizeAmount(part));
  const w = toCents(normalizeAmount(whole));
  if (w === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const scaled = (p * 100n * scale * 2n + w) / (2n * w);
  const whole_ = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  return decimals ? `${whole_}.${fraction}` : `${whole_}`;
}
