/** Receipt text: money from minor units (bigint, never a float), dates in Lagos time, tokens in fours. */

const SYMBOLS: Record<string, string> = { NGN: '₦', USD: '$', GBP: '£', EUR: '€' };

/** Minor units as a person reads them: 101000n NGN -> ₦1,010.00 (digits grouped by string, not by float). */
export function formatMoney(minor: bigint, currency: string, exponent = 2): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  const symbol = SYMBOLS[currency];
  const amount = `${grouped}${fraction}`;
  return `${negative ? '-' : ''}${symbol ?? `${currency} `}${amount}`;
}

const lagos = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Lagos',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A moment as a receipt prints it, in Nigerian time: "4 Dec 2026, 21:05 WAT". */
export function formatDate(at: Date): string {
  return `${lagos.format(at)} WAT`;
}

/** An electricity token in groups of four digits, as it is typed into a meter. */
export function groupToken(token: string): string {
  const compact = token.replace(/[\s-]/g, '');
  return compact.match(/.{1,4}/g)?.join(' ') ?? compact;
}
