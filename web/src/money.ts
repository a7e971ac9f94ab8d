/**
 * Money in the browser. The API speaks integers in minor units (kobo for NGN)
 * with the currency beside them; people type and read major units. Parsing is
 * done on the string, digit by digit, so no binary floating point ever touches
 * an amount.
 */

/** ISO 4217 minor-unit exponents that are not 2. */
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

export interface MoneyError {
  error: string;
}

export function isMoneyError(value: bigint | MoneyError): value is MoneyError {
  return typeof value !== 'bigint';
}

/** The largest amount the API can carry as a JSON integer without loss. */
export const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses what a person typed ("1500", "1,500.50", ".5", "1500.") into minor
 * units. Thousands separators must be well placed; no signs, no exponents, no
 * more decimal places than the currency has.
 */
export function parseMoney(input: string, exponent: number): bigint | MoneyError {
  const text = input.trim();
  if (text === '') return { error: 'Enter an amount' };
  if (text.startsWith('-')) return { error: 'Enter an amount greater than zero' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return { error: 'Enter an amount using digits, like 1500 or 1,500.50' };
  const whole = (match[1] ?? '').replaceAll(',', '');
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '')
    return { error: 'Enter an amount using digits, like 1500 or 1,500.50' };
  if (fraction.length > exponent) {
    return {
      error:
        exponent === 0
          ? 'This currency has no decimal places'
          : `Use at most ${exponent} decimal place${exponent === 1 ? '' : 's'}`,
    };
  }
  const digits = (whole === '' ? '0' : whole) + fraction.padEnd(exponent, '0');
  if (digits.replace(/^0+/, '').length > 16) return { error: 'That amount is too large' };
  const minor = BigInt(digits);
  if (minor > MAX_MINOR) return { error: 'That amount is too large' };
  return minor;
}

function toBigInt(minor: bigint | number): bigint {
  if (typeof minor === 'bigint') return minor;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${minor} is not a safe integer`);
  return BigInt(minor);
}

/** Minor units as a plain decimal string in major units: 150050n, 2 -> "1500.50". */
export function toMajorString(minor: bigint | number, exponent: number): string {
  const value = toBigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string): Intl.NumberFormat {
  const key = currency.toUpperCase();
  let f = formatters.get(key);
  if (!f) {
    const exponent = currencyExponent(key);
    f = new Intl.NumberFormat('en-NG', {
      style: 'currency',
      currency: key,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, f);
  }
  return f;
}

/** 150000n, "NGN" -> "₦1,500.00"; exact for any integer (formatted from a decimal string). */
export function formatMoney(minor: bigint | number, currency: string): string {
  const major = toMajorString(minor, currencyExponent(currency)) as `${number}`;
  return formatter(currency).format(major);
}

/** The currency's symbol as en-NG shows it ("₦" for NGN). */
export function currencySymbol(currency: string): string {
  const part = formatter(currency)
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return part?.value ?? currency;
}

/** A bigint amount as the JSON integer the API expects (throws if it cannot be exact). */
export function toJsonAmount(minor: bigint): number {
  if (minor < 0n || minor > MAX_MINOR) throw new RangeError('amount out of range');
  return Number(minor);
}
