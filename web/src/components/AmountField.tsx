import type { ComponentChildren } from 'preact';
import { currencyExponent, currencySymbol, formatMoney, isMoneyError, parseMoney } from '../money';
import { TextField } from './ui';

/**
 * Checks an amount the user typed against optional limits (minor units);
 * returns the minor amount or an error message.
 */
export function checkAmount(
  text: string,
  currency: string,
  limits: { min?: number | null; max?: number | null; available?: number | null } = {},
): bigint | string {
  const parsed = parseMoney(text, currencyExponent(currency));
  if (isMoneyError(parsed)) return parsed.error;
  if (parsed <= 0n) return 'Enter an amount greater than zero';
  if (limits.min !== undefined && limits.min !== null && parsed < BigInt(limits.min))
    return `The minimum is ${formatMoney(limits.min, currency)}`;
  if (limits.max !== undefined && limits.max !== null && parsed > BigInt(limits.max))
    return `The maximum is ${formatMoney(limits.max, currency)}`;
  if (limits.available !== undefined && limits.available !== null && parsed > BigInt(limits.available))
    return `That is more than your available balance of ${formatMoney(limits.available, currency)}`;
  return parsed;
}

export function AmountField({
  value,
  onValue,
  currency,
  error,
  hint,
  label = 'Amount',
  name = 'amount',
  disabled,
}: {
  value: string;
  onValue: (v: string) => void;
  currency: string;
  error?: string;
  hint?: ComponentChildren;
  label?: string;
  name?: string;
  disabled?: boolean;
}) {
  const exponent = currencyExponent(currency);
  return (
    <TextField
      label={label}
      name={name}
      id={name}
      value={value}
      onValue={(v) => onValue(v.replace(/[^\d.,]/g, ''))}
      prefix={currencySymbol(currency)}
      inputMode={exponent > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      placeholder={exponent > 0 ? `0.${'0'.repeat(exponent)}` : '0'}
      error={error}
      hint={hint}
      disabled={disabled}
      class="input input-amount"
    />
  );
}
