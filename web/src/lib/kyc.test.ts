import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { kycRefusal, limitNotice, resetWords, usageLine, usagePercent } from './kyc';

const problem = (code: string, status: number, fields: Record<string, unknown>, detail = 'Refused') =>
  new ApiError(status, code, detail, 'Refused', [], null, { code, status, detail, ...fields });

describe('resetWords', () => {
  it('calls a Lagos midnight "midnight", whatever the browser time zone', () => {
    // 23:00 UTC is 00:00 in Lagos (UTC+1, no daylight saving).
    expect(resetWords('2026-12-03T23:00:00.000Z')).toBe('midnight');
    expect(resetWords(undefined)).toBe('midnight');
  });

  it('gives the date and time of any other instant', () => {
    expect(resetWords('2026-12-03T14:30:00.000Z')).toMatch(/3 Dec 2026.*(15:30|3:30\s?pm)/i);
  });
});

describe('usage', () => {
  it('reads used of limit in naira', () => {
    expect(usageLine(1_200_000, 5_000_000, 'NGN')).toBe('₦12,000.00 of ₦50,000.00 used today');
  });

  it('clamps the meter to 0..100', () => {
    expect(usagePercent(2_500, 10_000)).toBe(25);
    expect(usagePercent(20_000, 10_000)).toBe(100);
    expect(usagePercent(0, 0)).toBe(100);
  });
});

describe('limitNotice', () => {
  it('says how much is left today and when it resets for the daily limit', () => {
    const error = problem('limit_exceeded', 422, {
      limit: 'daily_debit',
      limitAmount: 5_000_000,
      used: 4_200_000,
      remaining: 800_000,
      resetsAt: '2026-12-03T23:00:00.000Z',
    });
    expect(limitNotice(error, 'NGN')).toEqual({
      title: 'Daily limit reached',
      text: 'This would pass your daily limit: ₦8,000.00 left today, resets at midnight.',
      upgrade: true,
    });
  });

  it('names the room left under the maximum balance and the single-transaction cap', () => {
    const balance = problem('limit_exceeded', 422, { limit: 'max_balance', remaining: 150_000 });
    expect(limitNotice(balance, 'NGN')?.text).toBe(
      'This would take the balance past its maximum: room for ₦1,500.00 more.',
    );
    const single = problem('limit_exceeded', 422, { limit: 'single_transaction', limitAmount: 1_000_000 });
    expect(limitNotice(single, 'NGN')?.text).toBe(
      'This is more than one transaction may move on your tier: at most ₦10,000.00 at a time.',
    );
  });

  it("tells the sender the recipient's limit without an upgrade offer, and a risk stop in the server's words", () => {
    const recipient = problem('limit_exceeded', 422, { limit: 'max_balance', party: 'recipient' });
    expect(limitNotice(recipient, 'NGN')).toMatchObject({
      title: 'The recipient cannot receive this',
      upgrade: false,
    });
    const stopped = problem('risk_blocked', 403, {});
    expect(limitNotice(stopped, 'NGN')).toMatchObject({ title: 'Payment stopped', upgrade: false });
  });

  it('sends an unverified person to verify, but not a post-no-debit account', () => {
    const identity = problem(
      'kyc_required',
      403,
      { reason: 'identity_required' },
      'Verify your BVN or NIN before sending money',
    );
    expect(limitNotice(identity, 'NGN')).toMatchObject({ upgrade: true, text: identity.detail });
    const pnd = problem('kyc_required', 403, { reason: 'post_no_debit' }, 'Debits are suspended');
    expect(limitNotice(pnd, 'NGN')).toMatchObject({ upgrade: false, title: 'Debits are suspended' });
  });

  it('leaves other errors alone', () => {
    expect(limitNotice(problem('insufficient_funds', 422, {}), 'NGN')).toBeNull();
    expect(limitNotice(new Error('boom'), 'NGN')).toBeNull();
  });
});

describe('kycRefusal', () => {
  it("keeps the server's words and adds what to do for known codes", () => {
    const refusal = kycRefusal(
      problem('kyc_name_mismatch', 422, {}, 'The name on this number is not the name on your account'),
    );
    expect(refusal.code).toBe('kyc_name_mismatch');
    expect(refusal.message).toBe('The name on this number is not the name on your account');
    expect(refusal.hint).toMatch(/must match/);
    expect(kycRefusal(problem('rate_limited', 429, {}, 'Slow down')).hint).toBeNull();
  });
});
