/** The payout job's decision, table-driven and without a database. */
import { describe, expect, it } from 'vitest';
import {
  decidePayout,
  NEEDS_REVIEW_AFTER_MS,
  NOT_FOUND_GRACE_MS,
  type PayoutAction,
} from './payout-decision.js';
import type { PayoutResult } from './payouts.js';

const REVIEW = { kind: 'review', reason: 'unresolved after 30 minutes' } as const;

const cases: [string, PayoutResult, number, number, PayoutAction][] = [
  // [name, answer, age ms, attempt, expected action]
  ['success', { outcome: 'success' }, 1_000, 1, { kind: 'succeed' }],
  ['success long after sending', { outcome: 'success' }, 2 * NEEDS_REVIEW_AFTER_MS, 9, { kind: 'succeed' }],
  [
    'refused by the bank',
    { outcome: 'failed', message: 'Dormant account' },
    1_000,
    1,
    { kind: 'fail', reason: 'Dormant account' },
  ],
  [
    'refused, no message',
    { outcome: 'failed' },
    1_000,
    1,
    { kind: 'fail', reason: 'The bank refused the payout' },
  ],
  [
    'reversed before success was recorded: the money came back',
    { outcome: 'reversed' },
    1_000,
    1,
    { kind: 'fail', reason: 'The bank returned the payout' },
  ],
  [
    'reversed, with its message',
    { outcome: 'reversed', message: 'Account credit failed' },
    2 * NEEDS_REVIEW_AFTER_MS,
    1,
    { kind: 'fail', reason: 'Account credit failed' },
  ],
  [
    'pending: retry',
    { outcome: 'pending' },
    1_000,
    1,
    { kind: 'retry', delayMs: 1_000, reason: 'payout pending' },
  ],
  [
    'unknown (timeout): retry with backoff',
    { outcome: 'unknown', message: 'timeout' },
    5_000,
    3,
    { kind: 'retry', delayMs: 4_000, reason: 'payout unknown' },
  ],
  [
    'backoff capped at 60 s',
    { outcome: 'pending' },
    10 * 60_000,
    30,
    { kind: 'retry', delayMs: 60_000, reason: 'payout pending' },
  ],
  [
    'not found within the grace window: retry',
    { outcome: 'not_found' },
    NOT_FOUND_GRACE_MS,
    2,
    { kind: 'retry', delayMs: 2_000, reason: 'payout not_found' },
  ],
  [
    'not found past the grace window: failed',
    { outcome: 'not_found' },
    NOT_FOUND_GRACE_MS + 1,
    2,
    { kind: 'fail', reason: 'The payout never reached the provider' },
  ],
  [
    'pending at exactly the review limit: retry',
    { outcome: 'pending' },
    NEEDS_REVIEW_AFTER_MS,
    8,
    { kind: 'retry', delayMs: 60_000, reason: 'payout pending' },
  ],
  [
    'pending past the review limit: needs_review',
    { outcome: 'pending' },
    NEEDS_REVIEW_AFTER_MS + 1,
    8,
    REVIEW,
  ],
  [
    'unknown past the review limit: needs_review, never refunded on a guess',
    { outcome: 'unknown' },
    NEEDS_REVIEW_AFTER_MS + 1,
    8,
    REVIEW,
  ],
];

describe('decidePayout', () => {
  it.each(cases)('%s', (_name, result, ageMs, attempt, expected) => {
    expect(decidePayout(result, ageMs, attempt)).toEqual(expected);
  });
});
