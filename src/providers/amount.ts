/**
 * Money conversion between our integer kobo (bigint) and the decimal naira
 * VTpass speaks. No floating point anywhere: amounts are handled as decimal
 * strings and integers only.
 */

const KOBO_PER_NAIRA = 100n;
/** Longest decimal string we parse; anything longer is junk, not money. */
const MAX_AMOUNT_CHARS = 64;
/** Bound on exponents like "1.5e3" so a hostile "1e999999" cannot make a huge bigint. */
const MAX_EXPONENT = 30;

/**
 * kobo -> naira as a decimal string: whole amounts without decimals ("1500"),
 * others with exactly two ("1500.50", "0.05", "-12.30").
 */
export function formatMinor(minor: bigint): string {
  const sign = minor < 0n ? '-' : '';
  const abs = minor < 0n ? -minor : minor;
  const whole = abs / KOBO_PER_NAIRA;
  const fraction = abs % KOBO_PER_NAIRA;
  if (fraction === 0n) return `${sign}${whole}`;
  return `${sign}${whole}.${fraction.toString().padStart(2, '0')}`;
}

const DECIMAL = /^([+-]?)(\d+(?:,\d{3})*|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * naira (a JSON number or a decimal string such as "1,500.50", "22.5", "1.5e3")
 * -> kobo. Digits beyond the kobo are rounded half away from zero (VTpass
 * commissions can carry more decimals). Returns undefined for anything that is
 * not a finite decimal, including numbers too large to be exact in a double.
 */
export function parseMajorToMinor(value: unknown): bigint | undefined {
  let text: string;
  if (typeof value === 'number') {
    // A double this large already lost its digits; refuse to guess.
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return undefined;
    text = String(value); // shortest round-trip decimal, e.g. 1500.5 -> "1500.5"
  } else if (typeof value === 'string') {
    text = value.trim();
  } else if (typeof value === 'bigint') {
    return value * KOBO_PER_NAIRA;
  } else {
    return undefined;
  }
  if (text.length === 0 || text.length > MAX_AMOUNT_CHARS) return undefined;
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const intDigits = (m[2] ?? '').replaceAll(',', '');
  const fracDigits = m[3] ?? '';
  if (intDigits.length === 0 && fracDigits.length === 0) return undefined;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined;

  // digits * 10^(exponent - fracDigits.length) naira; we want kobo, so shift by 2 more.
  const digits = BigInt((intDigits + fracDigits).replace(/^0+(?=\d)/, '') || '0');
  const shift = exponent - fracDigits.length + 2;
  if (shift >= 0) return sign * digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  const remainder = digits % divisor;
  const rounded = remainder * 2n >= divisor ? quotient + 1n : quotient;
  return sign * rounded;
}

/** Math.min/Math.max do not take bigints. */
export function minBigint(first: bigint, ...rest: bigint[]): bigint {
  let min = first;
  for (const v of rest) if (v < min) min = v;
  return min;
}

export function maxBigint(first: bigint, ...rest: bigint[]): bigint {
  let max = first;
  for (const v of rest) if (v > max) max = v;
  return max;
}
