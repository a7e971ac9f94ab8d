import { defineStates } from '../db/state-machine.js';

export type PaymentStatus = 'pending' | 'processing' | 'succeeded' | 'failed' | 'reversed' | 'needs_review';

/**
 * The bill payment state machine: each status and where it may go.
 * - pending: accepted, hold placed, not sent. It can fail before sending
 *   (nothing left us), but never succeed without being sent.
 * - processing: sent; the provider decides (or, unresolved too long, an operator).
 * - needs_review: hold kept until the provider, asked again, or an operator settles it.
 * - succeeded: delivered; only a provider reversal (a compensating refund) follows.
 */
export const paymentStates = defineStates<PaymentStatus>('bill payment', {
  pending: ['processing', 'failed'],
  processing: ['succeeded', 'failed', 'reversed', 'needs_review'],
  needs_review: ['succeeded', 'failed', 'reversed'],
  succeeded: ['reversed'],
  failed: [],
  reversed: [],
});
