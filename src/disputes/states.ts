import { defineStates } from '../db/state-machine.js';

export type DisputeStatus =
  | 'opened'
  | 'under_review'
  | 'resolved_refunded'
  | 'resolved_rejected'
  | 'resolved_delivered'
  | 'withdrawn';

/**
 * The dispute state machine. Opened (acknowledged with its tracking number)
 * -> under review (an operator took it) -> resolved: refunded, rejected with
 * a reason, or delivered (a token found and sent). The customer may withdraw
 * it while it is open. Nothing leaves a resolved or withdrawn dispute.
 */
export const disputeStates = defineStates<DisputeStatus>('dispute', {
  opened: ['under_review', 'withdrawn'],
  under_review: ['resolved_refunded', 'resolved_rejected', 'resolved_delivered', 'withdrawn'],
  resolved_refunded: [],
  resolved_rejected: [],
  resolved_delivered: [],
  withdrawn: [],
});

export const OPEN_STATUSES: readonly DisputeStatus[] = ['opened', 'under_review'];

export const DISPUTE_REASONS = [
  'token_not_received',
  'wrong_amount',
  'not_authorised',
  'service_not_rendered',
  'other',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export const SUBJECT_TYPES = ['bill_payment', 'transfer', 'deposit', 'withdrawal'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
