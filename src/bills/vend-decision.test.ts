/**
 * The vend job's decision, table-driven and without a database: every kind
 * of provider answer, at every age that matters.
 */
import { describe, expect, it } from 'vitest';
import type { VendResult } from '../providers/index.js';
import type { PaymentStatus } from './payment-states.js';
import {
  type CheckAction,
  decide,
  decideOnCheck,
  requeryDelay,
  type VendAction,
  type VendTiming,
} from './vend-decision.js';

const timing: VendTiming = {
  resolveLimitMs: 30 * 60_000,
  unknownGraceMs: 10 * 60_000,
  requeryBaseMs: 1_000,
  maxBackoffMs: 60_000,
};
const SEC = 1_000;
const MIN = 60_000;
const at = (r: Omit<VendResult, 'latencyMs'>): VendResult => ({ latencyMs: 12, ...r });

const delivered = at({ outcome: 'success', code: '000', token: '1234-5678', units: '12.5 kWh' });
const pending = at({ outcome: 'pending', code: '099', message: 'TRANSACTION IS PROCESSING' });
const failed = at({ outcome: 'failed', code: '016', message: 'TRANSACTION FAILED' });
const failedBare = at({ outcome: 'failed' });
const unknown015 = at({ outcome: 'unknown', code: '015', notFound: true });
const timeout = at({ outcome: 'unknown', code: 'timeout', message: 'no answer within 15000 ms' });
const used014 = at({ outcome: 'unknown', code: '014' });
const badJson = at({ outcome: 'unknown', code: 'bad_json' });
const reversed = at({ outcome: 'failed', code: '040', reversed: true });
const reversedAfterSuccess = at({ outcome: 'success', reversed: true });
const noCode = at({ outcome: 'unknown' });

const FAIL_016 = 'vtpass 016: TRANSACTION FAILED';
const NEVER = 'never received: vtpass does not know reference REF-1 (015)';
const REVERSED = 'reversed by vtpass (040) before delivery was confirmed';

const cases: [string, VendResult, number, number, VendAction][] = [
  // [name, answer, age ms, attempt, expected action]
  ['delivered at once', delivered, 2 * SEC, 1, { kind: 'succeed' }],
  [
    'delivered long after sending (even past the resolve limit)',
    delivered,
    2 * 60 * MIN,
    9,
    { kind: 'succeed' },
  ],
  ['pending, first requery', pending, 2 * SEC, 1, { kind: 'requery', delayMs: 1_000, reason: 'pending 099' }],
  [
    'pending, third requery (backoff doubles)',
    pending,
    10 * SEC,
    3,
    { kind: 'requery', delayMs: 4_000, reason: 'pending 099' },
  ],
  [
    'pending, backoff capped at maxBackoffMs',
    pending,
    20 * MIN,
    40,
    { kind: 'requery', delayMs: 60_000, reason: 'pending 099' },
  ],
  [
    'pending at exactly the resolve limit: still requery',
    pending,
    30 * MIN,
    5,
    { kind: 'requery', delayMs: 16_000, reason: 'pending 099' },
  ],
  [
    'pending past the resolve limit: needs_review',
    pending,
    30 * MIN + 1,
    5,
    { kind: 'review', reason: 'unresolved after 1800 s: 099' },
  ],
  ['definite failure (016)', failed, 2 * SEC, 1, { kind: 'fail', status: 'failed', reason: FAIL_016 }],
  [
    'definite failure without code or message',
    failedBare,
    2 * SEC,
    1,
    { kind: 'fail', status: 'failed', reason: 'vtpass : failed' },
  ],
  [
    'definite failure past the resolve limit still fails (it is definite)',
    failed,
    60 * MIN,
    9,
    { kind: 'fail', status: 'failed', reason: FAIL_016 },
  ],
  [
    '015 within the grace window: requery',
    unknown015,
    5 * MIN,
    2,
    { kind: 'requery', delayMs: 2_000, reason: 'unknown 015' },
  ],
  [
    '015 at exactly the grace window: requery',
    unknown015,
    10 * MIN,
    2,
    { kind: 'requery', delayMs: 2_000, reason: 'unknown 015' },
  ],
  [
    '015 past the grace window: never received, failed',
    unknown015,
    10 * MIN + 1,
    2,
    { kind: 'fail', status: 'failed', reason: NEVER },
  ],
  [
    '015 past both limits: failed (grace comes first)',
    unknown015,
    60 * MIN,
    2,
    { kind: 'fail', status: 'failed', reason: NEVER },
  ],
  [
    'timeout: requery, never a failure',
    timeout,
    16 * SEC,
    1,
    { kind: 'requery', delayMs: 1_000, reason: 'unknown timeout' },
  ],
  [
    'timeout past the resolve limit: needs_review',
    timeout,
    31 * MIN,
    7,
    { kind: 'review', reason: 'unresolved after 1860 s: timeout' },
  ],
  [
    '014 (reference already used): requery',
    used014,
    3 * SEC,
    1,
    { kind: 'requery', delayMs: 1_000, reason: 'unknown 014' },
  ],
  [
    '014 past the resolve limit: needs_review',
    used014,
    45 * MIN,
    3,
    { kind: 'review', reason: 'unresolved after 2700 s: 014' },
  ],
  [
    'unparsable body: requery',
    badJson,
    3 * SEC,
    2,
    { kind: 'requery', delayMs: 2_000, reason: 'unknown bad_json' },
  ],
  [
    'unknown without a code, past the limit: review names the outcome',
    noCode,
    31 * MIN,
    3,
    { kind: 'review', reason: 'unresolved after 1860 s: unknown' },
  ],
  [
    'reversed (040) before delivery was seen',
    reversed,
    5 * SEC,
    1,
    { kind: 'fail', status: 'reversed', reason: REVERSED },
  ],
  [
    'reversed past the resolve limit: still reversed',
    reversed,
    2 * 60 * MIN,
    1,
    { kind: 'fail', status: 'reversed', reason: REVERSED },
  ],
  [
    'success flagged reversed is a reversal, not a delivery',
    reversedAfterSuccess,
    5 * SEC,
    1,
    { kind: 'fail', status: 'reversed', reason: 'reversed by vtpass (040) before delivery was confirmed' },
  ],
];

describe('decide', () => {
  it.each(cases)('%s', (_name, result, ageMs, attempt, expected) => {
    expect(decide(result, { provider: 'vtpass', providerRef: 'REF-1', ageMs, attempt }, timing)).toEqual(
      expected,
    );
  });

  it('covers every outcome the provider interface has', () => {
    const outcomes = new Set(cases.map(([, r]) => r.outcome));
    expect([...outcomes].sort()).toEqual(['failed', 'pending', 'success', 'unknown']);
  });

  it('with a zero grace window, a 015 fails on the first requery after sending', () => {
    const zero = { ...timing, unknownGraceMs: 0 };
    expect(decide(unknown015, { provider: 'b', providerRef: 'R', ageMs: 1, attempt: 1 }, zero)).toMatchObject(
      {
        kind: 'fail',
        status: 'failed',
      },
    );
  });
});

describe('requeryDelay', () => {
  it('doubles from the base and stops at the maximum, whatever the attempt', () => {
    expect([0, 1, 2, 3, 7, 8, 1_000].map((a) => requeryDelay(timing, a))).toEqual([
      1_000, 1_000, 2_000, 4_000, 60_000, 60_000, 60_000,
    ]);
  });
});

const checks: [PaymentStatus, VendResult, CheckAction][] = [
  // [status when the hint arrived, requery answer, expected action]
  ['processing', delivered, { kind: 'succeed', reason: 'delivered (confirmed by requery)' }],
  ['needs_review', delivered, { kind: 'succeed', reason: 'delivered (confirmed by requery)' }],
  ['processing', failed, { kind: 'fail', status: 'failed', reason: 'vtpass 016: TRANSACTION FAILED' }],
  ['needs_review', reversed, { kind: 'fail', status: 'reversed', reason: 'reversed by vtpass' }],
  ['processing', reversedAfterSuccess, { kind: 'fail', status: 'reversed', reason: 'reversed by vtpass' }],
  ['processing', pending, { kind: 'none' }],
  ['processing', timeout, { kind: 'none' }],
  ['needs_review', unknown015, { kind: 'none' }],
  ['needs_review', used014, { kind: 'none' }],
  [
    'succeeded',
    reversed,
    { kind: 'refund_after_delivery', reason: 'reversed by vtpass after delivery (040)' },
  ],
  ['succeeded', delivered, { kind: 'none' }],
  ['succeeded', failed, { kind: 'none' }],
  ['pending', delivered, { kind: 'none' }],
  ['failed', delivered, { kind: 'none' }],
  ['reversed', reversed, { kind: 'none' }],
];

describe('decideOnCheck (a webhook hint or an operator asks)', () => {
  const named = checks.map(
    ([status, r, e]) => [status, `${r.outcome} ${r.code ?? ''}`.trim(), r, e] as const,
  );
  it.each(named)('%s, provider answers %s', (status, _answer, result, expected) => {
    expect(decideOnCheck(status, result, 'vtpass')).toEqual(expected);
  });
});
