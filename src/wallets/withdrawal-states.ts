import { defineStates } from '../db/state-machine.js';

export type WithdrawalStatus =
  | 'pending_review'
  | 'pending'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'needs_review'
  | 'reversed';

/**
 * The withdrawal state machine: pending (hold placed) -> processing (sent to
 * the payout provider) -> succeeded (hold posted) | failed (hold voided) |
 * needs_review (unresolved too long, hold kept, settled later as succeeded or failed).
 * succeeded -> reversed (the bank returned the money: a compensating refund, never an edit).
 * pending_review (held by the risk rules, money held, no payout job) -> pending
 * (an operator released it) | failed (refused, hold voided).
 */
export const withdrawalStates = defineStates<WithdrawalStatus>('withdrawal', {
  pending_review: ['pending', 'failed'],
  pending: ['processing'],
  processing: ['succeeded', 'failed', 'needs_review'],
  needs_review: ['succeeded', 'failed'],
  succeeded: ['reversed'],
  failed: [],
  reversed: [],
});
