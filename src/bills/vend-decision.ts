import type { VendResult } from '../providers/index.js';
import type { PaymentStatus } from './payment-states.js';

/** Timing rules of the payment state machine, from the environment. */
export interface VendTiming {
  /** Unresolved this long after the vend was sent: needs_review (hold kept). Default 30 min. */
  resolveLimitMs: number;
  /** A reference the provider still does not know (VTpass 015) this long after sending never reached it. Default 10 min. */
  unknownGraceMs: number;
  /** First requery delay; doubles each attempt up to maxBackoffMs. */
  requeryBaseMs: number;
  maxBackoffMs: number;
}

export const requeryDelay = (t: VendTiming, attempt: number) =>
  Math.min(t.maxBackoffMs, t.requeryBaseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 16));

/** What the vend job knows besides the provider's answer. */
export interface VendFacts {
  provider: string;
  providerRef: string;
  /** Since the vend was first sent. */
  ageMs: number;
  /** The job's attempt number (1 for the first run). */
  attempt: number;
}

/** What to do with a payment after a vend or requery answer. */
export type VendAction =
  | { kind: 'succeed' }
  | { kind: 'fail'; status: 'failed' | 'reversed'; reason: string }
  | { kind: 'review'; reason: string }
  | { kind: 'requery'; delayMs: number; reason: string };

/**
 * The vend job's decision, pure: the provider's answer, the payment's age and
 * the timing rules in, one action out.
 * - delivered -> succeed (post the hold)
 * - reversed before we saw delivery -> fail as `reversed` (void the hold)
 * - definite failure -> fail
 * - unknown reference (015) past `unknownGraceMs` -> never received: fail
 * - anything else (pending, unknown, timeout, 014, 015 within the grace
 *   window) -> requery with backoff, or `needs_review` past `resolveLimitMs`
 *   (hold kept: never refunded on a guess)
 */
export function decide(result: VendResult, facts: VendFacts, timing: VendTiming): VendAction {
  if (result.outcome === 'success' && !result.reversed) return { kind: 'succeed' };
  if (result.reversed) {
    const reason = `reversed by ${facts.provider} (${result.code ?? '040'}) before delivery was confirmed`;
    return { kind: 'fail', status: 'reversed', reason };
  }
  if (result.outcome === 'failed') {
    const reason = `${facts.provider} ${result.code ?? ''}: ${result.message ?? 'failed'}`.trim();
    return { kind: 'fail', status: 'failed', reason };
  }
  if (result.notFound && facts.ageMs > timing.unknownGraceMs) {
    const reason = `never received: ${facts.provider} does not know reference ${facts.providerRef} (015)`;
    return { kind: 'fail', status: 'failed', reason };
  }
  if (facts.ageMs > timing.resolveLimitMs) {
    const seconds = Math.round(facts.ageMs / 1000);
    return { kind: 'review', reason: `unresolved after ${seconds} s: ${result.code ?? result.outcome}` };
  }
  return {
    kind: 'requery',
    delayMs: requeryDelay(timing, facts.attempt),
    reason: `${result.outcome} ${result.code ?? ''}`.trim(),
  };
}

/** What to do after a requery asked for by a webhook hint or an operator. */
export type CheckAction =
  | { kind: 'none' }
  | { kind: 'succeed'; reason: string }
  | { kind: 'fail'; status: 'failed' | 'reversed'; reason: string }
  | { kind: 'refund_after_delivery'; reason: string };

/**
 * A hint's decision, pure: only a definite answer changes anything. A
 * delivered payment the provider now reports reversed is refunded by a
 * compensating transaction; an unsettled one (processing, needs_review)
 * follows a definite answer; anything else waits for the vend job.
 */
export function decideOnCheck(status: PaymentStatus, result: VendResult, provider: string): CheckAction {
  if (status === 'succeeded') {
    if (!result.reversed) return { kind: 'none' };
    return {
      kind: 'refund_after_delivery',
      reason: `reversed by ${provider} after delivery (${result.code ?? '040'})`,
    };
  }
  if (status !== 'processing' && status !== 'needs_review') return { kind: 'none' };
  if (result.outcome === 'success' && !result.reversed)
    return { kind: 'succeed', reason: 'delivered (confirmed by requery)' };
  if (result.reversed) return { kind: 'fail', status: 'reversed', reason: `reversed by ${provider}` };
  if (result.outcome === 'failed')
    return {
      kind: 'fail',
      status: 'failed',
      reason: `${provider} ${result.code ?? ''}: ${result.message ?? 'failed'}`,
    };
  return { kind: 'none' };
}
