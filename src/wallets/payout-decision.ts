import type { PayoutResult } from './payouts.js';

/** A payout still unresolved this long after it was sent goes to an operator, hold kept. */
export const NEEDS_REVIEW_AFTER_MS = 30 * 60_000;
/** A payout the provider has never heard of this long after sending never reached it. */
export const NOT_FOUND_GRACE_MS = 60_000;

/** What to do with a withdrawal after a payout send or requery answer. */
export type PayoutAction =
  | { kind: 'succeed' }
  | { kind: 'fail'; reason: string }
  | { kind: 'review'; reason: string }
  | { kind: 'retry'; delayMs: number; reason: string };

/** Retry delay after the attempt-th unresolved answer: 1 s doubling to 60 s. */
export const backoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** Math.min(attempt - 1, 6));

/**
 * The payout job's decision, pure: success posts the hold, a definite
 * failure, a reversal before success was recorded (the money came back) or a
 * payout the provider never heard of, past the grace window, voids it; anything else is retried with backoff until NEEDS_REVIEW_AFTER_MS,
 * then goes to an operator with the hold kept.
 */
export function decidePayout(result: PayoutResult, ageMs: number, attempt: number): PayoutAction {
  if (result.outcome === 'success') return { kind: 'succeed' };
  if (result.outcome === 'failed')
    return { kind: 'fail', reason: result.message ?? 'The bank refused the payout' };
  if (result.outcome === 'reversed')
    return { kind: 'fail', reason: result.message ?? 'The bank returned the payout' };
  if (result.outcome === 'not_found' && ageMs > NOT_FOUND_GRACE_MS)
    return { kind: 'fail', reason: 'The payout never reached the provider' };
  if (ageMs > NEEDS_REVIEW_AFTER_MS)
    return { kind: 'review', reason: `unresolved after ${NEEDS_REVIEW_AFTER_MS / 60_000} minutes` };
  return { kind: 'retry', delayMs: backoff(attempt), reason: `payout ${result.outcome}` };
}
