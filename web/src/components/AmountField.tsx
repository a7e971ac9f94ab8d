import type { ComponentChildren } from 'preact';
import {
  currencyExponent,
  currencySymbol,
  formatMoney,
  isMoneyError,
  parseMoney,
  toMajorString,
} from '../money';
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

const NOT_NEGATIVE = 'Enter an amount greater than zero';

/**
 * One-tap amounts under an amount field (minor units); those outside the
 * allowed range are left out.
 */
export function QuickAmounts({
  amounts,
  currency,
  onPick,
  min,
  max,
  current,
}: {
  amounts: readonly number[];
  currency: string;
  onPick: (text: string) => void;
  min?: number | null;
  max?: number | null;
  /** The amount field's text, to mark the chip it equals. */
  current?: string;
}) {
  const shown = amounts.filter((a) => (min == null || a >= min) && (max == null || a <= max));
  if (shown.length === 0) return null;
  const exponent = currencyExponent(currency);
  return (
    <fieldset class="fieldset" data-testid="quick-amounts">
      <legend class="sr-only">Quick amounts</legend>
      <div class="chips">
        {shown.map((q) => {
          const text = toMajorString(q, exponent);
          return (
            <button
              key={q}
              type="button"
              class={current === text ? 'chip active' : 'chip'}
              aria-pressed={current === text ? 'true' : 'false'}
              onClick={() => onPick(text)}
              data-testid={`quick-${q}`}
            >
              {formatMoney(q, currency)}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
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
      // A minus sign is kept, so "-5" is refused where it was typed rather than quietly paid as 5.
      onValue={(v) => onValue(v.replace(/[^\d.,-]/g, ''))}
      prefix={currencySymbol(currency)}
      inputMode={exponent > 0 ? 'decimal' : 'numeric'}
      autoComplete="off"
      placeholder={exponent > 0 ? `0.${'0'.repeat(exponent)}` : '0'}
      error={error ?? (value.trim().startsWith('-') ? NOT_NEGATIVE : undefined)}
      hint={hint}
      disabled={disabled}
      class="input input-amount"
    />
  );
}
