/**
 * Campaigns as data, after Open Loyalty's trigger -> conditions -> limits ->
 * effect and Medusa's promotion rules: what starts a reward, who and what
 * qualifies, how much it pays, and how often.
 */
import { AppError } from '../errors/index.js';

export const TRIGGERS = ['bill_payment.succeeded', 'first_deposit', 'referral_first_payment'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const PERIODS = ['day', 'week', 'month', 'campaign'] as const;
export type Period = (typeof PERIODS)[number];

export interface Conditions {
  /** Bill categories that qualify (electricity, airtime, ...); none: any. */
  categories?: string[];
  billerIds?: string[];
  /** The triggering amount must be at least this (minor units). */
  minAmount?: bigint;
  /** KYC tiers that qualify; none: any. */
  tiers?: number[];
  /** Only people registered within newCustomerDays (default 30) of the trigger. */
  newCustomersOnly?: boolean;
  newCustomerDays?: number;
}

export type Effect =
  /** bps of the triggering amount (200 = 2%), at most cap minor units (0: no cap). */
  | { type: 'cashback_percent'; bps: number; cap: bigint }
  | { type: 'flat'; amount: bigint }
  /** Paid once per referee: `referrer` to the person who invited, `referee` to the invited one. */
  | { type: 'referral'; referrer: bigint; referee: bigint };

/** What a trigger carries to the engine. */
export interface TriggerFact {
  trigger: Trigger;
  userId: string;
  /** The triggering transaction, e.g. `bill_payment:<id>`: rewards are idempotent by it. */
  sourceRef: string;
  amount: bigint;
  currency: string;
  category?: string | null;
  billerId?: string;
  at: Date;
}

const MAX_AMOUNT = 100_000_000_000n; // ₦1bn: a sanity bound on any configured amount

function positive(value: unknown, what: string, allowZero = false): bigint {
  const n =
    typeof value === 'bigint'
      ? value
      : typeof value === 'number' || typeof value === 'string'
        ? BigInt(value)
        : -1n;
  if (n < (allowZero ? 0n : 1n) || n > MAX_AMOUNT)
    throw new AppError('invalid_campaign', `${what} is out of range`);
  return n;
}

/** Validates an effect from the API (amounts as JSON integers) into its typed form. */
export function parseEffect(trigger: Trigger, raw: Record<string, unknown>): Effect {
  const type = raw.type;
  if (trigger === 'referral_first_payment' ? type !== 'referral' : type === 'referral')
    throw new AppError(
      'invalid_campaign',
      'A referral bonus is the effect of the referral trigger, and only of it',
    );
  if (type === 'cashback_percent') {
    const bps = Number(raw.bps);
    if (!Number.isInteger(bps) || bps < 1 || bps > 10_000)
      throw new AppError('invalid_campaign', 'bps must be 1..10000 (100 = 1%)');
    return { type, bps, cap: positive(raw.cap ?? 0, 'cap', true) };
  }
  if (type === 'flat') return { type, amount: positive(raw.amount, 'amount') };
  if (type === 'referral')
    return {
      type,
      referrer: positive(raw.referrer ?? 0, 'referrer', true),
      referee: positive(raw.referee ?? 0, 'referee', true),
    };
  throw new AppError('invalid_campaign', 'Unknown effect type');
}

export function parseConditions(raw: Record<string, unknown> = {}): Conditions {
  const out: Conditions = {};
  const strings = (v: unknown, what: string) => {
    if (!Array.isArray(v) || v.length > 50 || v.some((s) => typeof s !== 'string'))
      throw new AppError('invalid_campaign', `${what} must be a list of names`);
    return v as string[];
  };
  if (raw.categories !== undefined) out.categories = strings(raw.categories, 'categories');
  if (raw.billerIds !== undefined) out.billerIds = strings(raw.billerIds, 'billerIds');
  if (raw.minAmount !== undefined) out.minAmount = positive(raw.minAmount, 'minAmount', true);
  if (raw.tiers !== undefined) {
    if (!Array.isArray(raw.tiers) || raw.tiers.some((t) => ![1, 2, 3].includes(t as number)))
      throw new AppError('invalid_campaign', 'tiers must be a list of 1, 2 or 3');
    out.tiers = raw.tiers as number[];
  }
  if (raw.newCustomersOnly !== undefined) out.newCustomersOnly = raw.newCustomersOnly === true;
  if (raw.newCustomerDays !== undefined) {
    const d = Number(raw.newCustomerDays);
    if (!Number.isInteger(d) || d < 1 || d > 365)
      throw new AppError('invalid_campaign', 'newCustomerDays must be 1..365');
    out.newCustomerDays = d;
  }
  return out;
}

/** Conditions as stored (JSON: amounts as strings) and back. */
export const conditionsToJson = (c: Conditions) => ({
  ...c,
  ...(c.minAmount !== undefined ? { minAmount: c.minAmount.toString() } : {}),
});
export const conditionsFromJson = (j: Record<string, unknown>): Conditions => ({
  ...(j as Conditions),
  ...(j.minAmount !== undefined ? { minAmount: BigInt(j.minAmount as string) } : {}),
});
export function effectToJson(e: Effect): Record<string, unknown> {
  if (e.type === 'cashback_percent') return { type: e.type, bps: e.bps, cap: e.cap.toString() };
  if (e.type === 'flat') return { type: e.type, amount: e.amount.toString() };
  return { type: e.type, referrer: e.referrer.toString(), referee: e.referee.toString() };
}
export function effectFromJson(j: Record<string, unknown>): Effect {
  if (j.type === 'cashback_percent')
    return { type: 'cashback_percent', bps: Number(j.bps), cap: BigInt(j.cap as string) };
  if (j.type === 'flat') return { type: 'flat', amount: BigInt(j.amount as string) };
  return { type: 'referral', referrer: BigInt(j.referrer as string), referee: BigInt(j.referee as string) };
}

/** The cashback or flat amount of a trigger, in minor units, rounded down (never more than the rule says). */
export function rewardAmount(effect: Effect, amount: bigint): bigint {
  if (effect.type === 'flat') return effect.amount;
  if (effect.type === 'cashback_percent') {
    const raw = (amount * BigInt(effect.bps)) / 10_000n;
    return effect.cap > 0n && raw > effect.cap ? effect.cap : raw;
  }
  return 0n;
}

/** Whether the trigger's own facts (not the person's) meet the conditions. */
export function factQualifies(c: Conditions, fact: TriggerFact): string | undefined {
  if (c.categories?.length && !c.categories.includes(fact.category ?? '')) return 'category';
  if (c.billerIds?.length && !c.billerIds.includes(fact.billerId ?? '')) return 'biller';
  if (c.minAmount !== undefined && fact.amount < c.minAmount) return 'min_amount';
  return undefined;
}

/** An effect as the API shows it: amounts as JSON integers of minor units. */
export function effectView(e: Effect): {
  type: Effect['type'];
  bps?: number;
  cap?: bigint;
  amount?: bigint;
  referrer?: bigint;
  referee?: bigint;
} {
  return { ...e };
}
