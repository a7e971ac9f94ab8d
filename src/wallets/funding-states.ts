import { defineStates } from '../db/state-machine.js';

export type FundingAccountStatus = 'pending' | 'assigned' | 'failed';

/**
 * A dedicated account number: requested (pending) until the provider assigns
 * it, or refuses (failed). A failed request may be made again; an assignment
 * may still arrive after a refusal we were told of (its webhook is the word
 * that counts). An assigned number stays the person's.
 */
export const fundingAccountStates = defineStates<FundingAccountStatus>('funding account', {
  pending: ['assigned', 'failed'],
  failed: ['pending', 'assigned'],
  assigned: [],
});

export type InboundStatus = 'credited' | 'held' | 'returned';

/**
 * An inbound bank transfer: credited to its wallet, or held in suspense (an
 * account number we do not know, a wallet that may not take it) until an
 * operator credits it to a wallet or returns it to the sender. Both are final.
 */
export const inboundStates = defineStates<InboundStatus>('inbound transfer', {
  held: ['credited', 'returned'],
  credited: [],
  returned: [],
});
