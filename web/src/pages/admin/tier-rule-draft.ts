/**
 * The "new tier rule version" form's text fields, turned into the body of
 * POST /v1/admin/kyc/tiers (amounts typed in major units, sent in minor
 * units) or into one error per field. Pure, so it is unit-tested.
 */
import { currencyExponent, isMoneyError, parseMoney, toJsonAmount, toMajorString } from '../../money';
import type { RequestBody, ResponseBody } from '../../lib/types';

export type TierRule = ResponseBody<'/v1/admin/kyc/tiers', 'get'>['data'][number];
export type TierRuleBody = RequestBody<'/v1/admin/kyc/tiers', 'post'>;

export interface TierRuleDraft {
  tier: string;
  currency: string;
  dailyDebitLimit: string;
  singleTransactionLimit: string;
  singleDepositLimit: string;
  /** Empty: no maximum balance. */
  maxBalance: string;
  /** A datetime-local value, local time; empty: from now. */
  effectiveFrom: string;
  reason: string;
}

export const EMPTY_DRAFT: TierRuleDraft = {
  tier: '1',
  currency: 'NGN',
  dailyDebitLimit: '',
  singleTransactionLimit: '',
  singleDepositLimit: '',
  maxBalance: '',
  effectiveFrom: '',
  reason: '',
};

/** A draft starting from an existing version's limits (a new version is usually a small change). */
export function draftFrom(rule: TierRule): TierRuleDraft {
  const exponent = currencyExponent(rule.currency);
  const major = (minor: number) => toMajorString(minor, exponent);
  return {
    ...EMPTY_DRAFT,
    tier: String(rule.tier),
    currency: rule.currency,
    dailyDebitLimit: major(rule.dailyDebitLimit),
    singleTransactionLimit: major(rule.singleTransactionLimit),
    singleDepositLimit: rule.singleDepositLimit === undefined ? '' : major(rule.singleDepositLimit),
    maxBalance: rule.maxBalance === null ? '' : major(rule.maxBalance),
  };
}

type AmountKey = 'dailyDebitLimit' | 'singleTransactionLimit' | 'singleDepositLimit' | 'maxBalance';

function amount(text: string, exponent: number): number | string {
  const parsed = parseMoney(text, exponent);
  if (isMoneyError(parsed)) return parsed.error;
  if (parsed <= 0n) return 'Enter an amount greater than zero';
  return toJsonAmount(parsed);
}

/** The request body, or the errors by field name. */
export function tierRuleBody(
  draft: TierRuleDraft,
): { body: TierRuleBody; errors?: undefined } | { body?: undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const currency = draft.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'A currency is a three-letter code, like NGN';
  const exponent = currencyExponent(currency);
  const amounts: Partial<Record<AmountKey, number | null>> = {};
  for (const key of [
    'dailyDebitLimit',
    'singleTransactionLimit',
    'singleDepositLimit',
    'maxBalance',
  ] as const) {
    if (key === 'maxBalance' && draft.maxBalance.trim() === '') {
      amounts.maxBalance = null;
      continue;
    }
    const value = amount(draft[key], exponent);
    if (typeof value === 'string') errors[key] = value;
    else amounts[key] = value;
  }
  let effectiveFrom: string | undefined;
  if (draft.effectiveFrom !== '') {
    const at = new Date(draft.effectiveFrom);
    if (Number.isNaN(at.getTime())) errors.effectiveFrom = 'Enter a date and time';
    else effectiveFrom = at.toISOString();
  }
  if (draft.reason.trim().length < 3)
    errors.reason = 'Give a reason (at least 3 characters); it goes in the audit log';
  if (!['1', '2', '3'].includes(draft.tier)) errors.tier = 'Choose a tier';
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      tier: Number(draft.tier) as 1 | 2 | 3,
      currency,
      dailyDebitLimit: amounts.dailyDebitLimit as number,
      singleTransactionLimit: amounts.singleTransactionLimit as number,
      singleDepositLimit: amounts.singleDepositLimit as number,
      maxBalance: amounts.maxBalance ?? null,
      ...(effectiveFrom ? { effectiveFrom } : {}),
      reason: draft.reason.trim(),
    },
  };
}
