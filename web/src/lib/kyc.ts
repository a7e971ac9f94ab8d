/**
 * The words of the KYC screens: tiers, their requirements, today's usage, and
 * the `limit_exceeded` / `kyc_required` refusals the money pages show. Pure
 * functions (no DOM) so they are unit-tested beside this file.
 */
import { formatMoney } from '../money';
import { ApiError } from './api';
import type { ResponseBody } from './types';

export type KycSummary = ResponseBody<'/v1/me/kyc', 'get'>;
export type Requirement = KycSummary['nextTier']['requirements'][number];

export const TIER_NAMES: Record<number, string> = {
  1: 'Tier 1 · Basic',
  2: 'Tier 2 · Verified',
  3: 'Tier 3 · Full',
};

export const REQUIREMENT_LABELS: Record<Requirement, string> = {
  verified_phone: 'Verify your phone number with the code we text you (on Home)',
  bvn: 'Verify your BVN',
  nin: 'Verify your NIN',
  address_and_id: 'Your address and an ID document',
  review_approval: 'Approval by our team',
};

export const ID_TYPE_LABELS: Record<string, string> = {
  passport: 'International passport',
  drivers_licence: "Driver's licence",
  voters_card: "Voter's card",
  national_id: 'National ID card',
};

// Days are Lagos calendar days on the server, whatever the browser's time zone.
const lagosClock = new Intl.DateTimeFormat('en-NG', {
  timeZone: 'Africa/Lagos',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});
const lagosTime = new Intl.DateTimeFormat('en-NG', {
  timeZone: 'Africa/Lagos',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** When a daily allowance starts again: "midnight" for a Lagos midnight, else the date and time. */
export function resetWords(resetsAt: string | undefined): string {
  if (!resetsAt) return 'midnight';
  const at = new Date(resetsAt);
  if (Number.isNaN(at.getTime())) return 'midnight';
  const clock = lagosClock.format(at).replace(/\s/g, '');
  return clock === '0:00' || clock === '00:00' ? 'midnight' : lagosTime.format(at);
}

/** "₦12,000.00 of ₦50,000.00 used today". */
export function usageLine(used: number, limit: number, currency: string): string {
  return `${formatMoney(used, currency)} of ${formatMoney(limit, currency)} used today`;
}

/** How much of the daily allowance is used, 0..100, for the meter. */
export function usagePercent(used: number, limit: number): number {
  if (limit <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((used / limit) * 100)));
}

export interface LimitNotice {
  title: string;
  text: string;
  /** Whether verifying more of the person's identity would lift the refusal (link to /kyc). */
  upgrade: boolean;
}

const amountOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null;

function limitExceededNotice(problem: Record<string, unknown>, currency: string): LimitNotice {
  const remaining = amountOf(problem.remaining);
  const limitAmount = amountOf(problem.limitAmount);
  const money = (minor: number | null) => (minor === null ? '' : formatMoney(minor, currency));
  const resetsAt = typeof problem.resetsAt === 'string' ? problem.resetsAt : undefined;
  if (problem.party === 'recipient')
    return {
      title: 'The recipient cannot receive this',
      text: 'Their account cannot take this amount right now. Try a smaller amount, or ask them to upgrade their account.',
      upgrade: false,
    };
  switch (problem.limit) {
    case 'daily_debit':
      return {
        title: 'Daily limit reached',
        text:
          remaining === null
            ? `This would pass your daily limit; it resets at ${resetWords(resetsAt)}.`
            : `This would pass your daily limit: ${money(remaining)} left today, resets at ${resetWords(resetsAt)}.`,
        upgrade: true,
      };
    case 'max_balance':
      return {
        title: 'Balance limit reached',
        text:
          remaining === null
            ? 'This would take the balance past its maximum for the account tier.'
            : `This would take the balance past its maximum: room for ${money(remaining)} more.`,
        upgrade: true,
      };
    case 'single_transaction':
      return {
        title: 'Amount too large',
        text: `This is more than one transaction may move on your tier${limitAmount === null ? '' : `: at most ${money(limitAmount)} at a time`}.`,
        upgrade: true,
      };
    case 'single_deposit':
      return {
        title: 'Amount too large',
        text: `This is more than one deposit may bring in on your tier${limitAmount === null ? '' : `: at most ${money(limitAmount)} at a time`}.`,
        upgrade: true,
      };
    default:
      return {
        title: 'Limit reached',
        text: String(problem.detail ?? 'This is over a limit of your account tier.'),
        upgrade: true,
      };
  }
}

function kycRequiredNotice(error: ApiError): LimitNotice {
  if (error.problem.reason === 'post_no_debit')
    return { title: 'Debits are suspended', text: error.detail, upgrade: false };
  return {
    title: 'Verify your identity first',
    text: error.detail || 'Verify your BVN or NIN before sending money.',
    upgrade: true,
  };
}

/** The notice for a limit_exceeded, kyc_required or risk_blocked refusal, or null for any other error. */
export function limitNotice(error: unknown, currency: string): LimitNotice | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'limit_exceeded') return limitExceededNotice(error.problem, currency);
  if (error.code === 'kyc_required') return kycRequiredNotice(error);
  if (error.code === 'risk_blocked') return { title: 'Payment stopped', text: error.detail, upgrade: false };
  return null;
}

/** What to do next after a KYC refusal; the server's detail says what went wrong. */
const KYC_HINTS: Record<string, string> = {
  kyc_name_mismatch: 'The name on the record must match the name on your Vendra account.',
  kyc_dob_mismatch: 'Enter the date of birth exactly as it is on your BVN record.',
  bvn_not_found: 'Check the 11 digits and try again.',
  nin_not_found: 'Check the 11 digits and try again.',
  identity_number_in_use: 'This number is linked to another Vendra account; contact support if it is yours.',
  kyc_provider_unavailable: 'Nothing was recorded; try again in a few minutes.',
  kyc_tier_required: 'Verify your BVN and NIN first (tier 2).',
};

export interface KycRefusal {
  code: string;
  message: string;
  hint: string | null;
}

/** A refused KYC submission as the form shows it: the server's words and, for known codes, what to do. */
export function kycRefusal(error: unknown): KycRefusal {
  if (error instanceof ApiError)
    return { code: error.code, message: error.detail, hint: KYC_HINTS[error.code] ?? null };
  const message = error instanceof Error ? error.message : 'Something went wrong. Please try again.';
  return { code: 'error', message, hint: null };
}
