import { defineStates } from '../db/state-machine.js';

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

/** A tier-3 review: pending -> approved (the person moves to tier 3) | rejected (they may submit again). */
export const reviewStates = defineStates<ReviewStatus>('kyc review', {
  pending: ['approved', 'rejected'],
  approved: [],
  rejected: [],
});
