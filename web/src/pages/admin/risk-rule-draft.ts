/**
 * The "new risk rule version" form's fields, turned into the body of
 * PUT /v1/admin/risk/rules (amounts typed in major units, sent in minor
 * units; only the params the rule type takes) or into one error per field.
 * Pure, so it is unit-tested.
 */
import type { RequestBody, ResponseBody } from '../../lib/types';
import { currencyExponent, isMoneyError, parseMoney, toJsonAmount, toMajorString } from '../../money';

export type RiskRule = ResponseBody<'/v1/admin/risk/rules', 'get'>['data'][number];
export type RiskRulesBody = RequestBody<'/v1/admin/risk/rules', 'put'>;
export type RuleType = RiskRule['type'];
export type DebitKind = RiskRule['appliesTo'][number];

export const RULE_TYPE_LABELS: Record<RuleType, string> = {
  velocity_count: 'More than N debits in M minutes',
  velocity_amount: 'More than an amount in total in M minutes',
  single_amount: 'One debit above an amount',
  new_recipient_amount: 'First debit to a new recipient above an amount',
  new_recipients_per_day: 'More than N new recipients in a day',
  new_device_large_debit: 'A debit above an amount soon after a new device logs in',
};

/** Which params each type takes. */
export const PARAMS_OF: Record<RuleType, readonly ('amount' | 'count' | 'minutes')[]> = {
  velocity_count: ['count', 'minutes'],
  velocity_amount: ['amount', 'minutes'],
  single_amount: ['amount'],
  new_recipient_amount: ['amount'],
  new_recipients_per_day: ['count'],
  new_device_large_debit: ['amount', 'minutes'],
};

export const DEBIT_KIND_LABELS: Record<DebitKind, string> = {
  transfer: 'Transfers',
  bill_payment: 'Bill payments',
  withdrawal: 'Withdrawals',
};

export interface RiskRuleDraft {
  key: string;
  type: RuleType;
  action: RiskRule['action'];
  amount: string;
  count: string;
  minutes: string;
  appliesTo: DebitKind[];
  enabled: boolean;
  currency: string;
  /** A datetime-local value, local time; empty: from now. */
  effectiveFrom: string;
  reason: string;
}

export const EMPTY_RULE_DRAFT: RiskRuleDraft = {
  key: '',
  type: 'single_amount',
  action: 'flag',
  amount: '',
  count: '',
  minutes: '',
  appliesTo: ['transfer', 'bill_payment', 'withdrawal'],
  enabled: true,
  currency: 'NGN',
  effectiveFrom: '',
  reason: '',
};

/** A draft starting from a version in force (a new version is usually a small change). */
export function draftFromRule(rule: RiskRule): RiskRuleDraft {
  const exponent = currencyExponent(rule.currency);
  return {
    ...EMPTY_RULE_DRAFT,
    key: rule.key,
    type: rule.type,
    action: rule.action,
    amount: rule.params.amount === undefined ? '' : toMajorString(rule.params.amount, exponent),
    count: rule.params.count === undefined ? '' : String(rule.params.count),
    minutes: rule.params.minutes === undefined ? '' : String(rule.params.minutes),
    appliesTo: [...rule.appliesTo],
    enabled: rule.enabled,
    currency: rule.currency,
  };
}

/** What a rule's params say, for the table: "₦1,000,000.00", "10 in 10 min". */
export function paramsText(
  rule: Pick<RiskRule, 'params' | 'currency'>,
  money: (minor: number) => string,
): string {
  const { amount, count, minutes } = rule.params;
  return [
    amount === undefined ? null : `above ${money(amount)}`,
    count === undefined ? null : `more than ${count}`,
    minutes === undefined ? null : `in ${minutes} min`,
  ]
    .filter(Boolean)
    .join(', ');
}

function positiveInteger(text: string, max: number): number | string {
  if (!/^\d+$/.test(text.trim())) return 'Enter a whole number';
  const n = Number(text.trim());
  if (n < 1 || n > max) return `Enter a number from 1 to ${max.toLocaleString('en-NG')}`;
  return n;
}

function paramsOf(draft: RiskRuleDraft, currency: string, errors: Record<string, string>) {
  const params: { amount?: number; count?: number; minutes?: number } = {};
  for (const name of PARAMS_OF[draft.type]) {
    if (name === 'amount') {
      const parsed = parseMoney(draft.amount, currencyExponent(currency));
      if (isMoneyError(parsed)) errors.amount = parsed.error;
      else if (parsed <= 0n) errors.amount = 'Enter an amount greater than zero';
      else params.amount = toJsonAmount(parsed);
      continue;
    }
    const value = positiveInteger(draft[name], name === 'minutes' ? 10_080 : 1_000_000);
    if (typeof value === 'string') errors[name] = value;
    else params[name] = value;
  }
  return params;
}

/** The request body (one rule), or the errors by field name. */
export function riskRuleBody(
  draft: RiskRuleDraft,
): { body: RiskRulesBody; errors?: undefined } | { body?: undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const key = draft.key.trim();
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(key))
    errors.key = 'A key is lower-case letters, digits and _, starting with a letter';
  const currency = draft.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'A currency is a three-letter code, like NGN';
  const params = paramsOf(draft, currency, errors);
  if (draft.appliesTo.length === 0) errors.appliesTo = 'Choose at least one kind of debit';
  let effectiveFrom: string | undefined;
  if (draft.effectiveFrom !== '') {
    const at = new Date(draft.effectiveFrom);
    if (Number.isNaN(at.getTime())) errors.effectiveFrom = 'Enter a date and time';
    else effectiveFrom = at.toISOString();
  }
  if (draft.reason.trim().length < 3)
    errors.reason = 'Give a reason (at least 3 characters); it goes in the audit log';
  if (Object.keys(errors).length) return { errors };
  return {
    body: {
      rules: [
        {
          key,
          type: draft.type,
          params,
          action: draft.action,
          enabled: draft.enabled,
          appliesTo: draft.appliesTo,
          currency,
        },
      ],
      ...(effectiveFrom ? { effectiveFrom } : {}),
      reason: draft.reason.trim(),
    },
  };
}
