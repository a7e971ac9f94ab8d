import { defineStates } from '../db/state-machine.js';

export type DepositStatus = 'pending' | 'succeeded' | 'failed' | 'flagged';

/**
 * The deposit state machine: one gateway event settles a pending deposit,
 * credited (succeeded), failed, or flagged for an operator (amount or
 * currency mismatch, or a wallet that cannot be credited). A failed deposit
 * (declined, or abandoned after its verify window) that the gateway later
 * reports captured is settled after all: the gateway holds the money, so the
 * person must get it. Nothing else leaves a settled deposit: a repeated
 * event is a duplicate.
 */
export const depositStates = defineStates<DepositStatus>('deposit', {
  pending: ['succeeded', 'failed', 'flagged'],
  succeeded: [],
  failed: ['succeeded', 'flagged'],
  flagged: [],
});

/** Whether a gateway event may still settle a deposit in this status (see the table above). */
export const settleable = (status: DepositStatus, event: string) =>
  status === 'pending' || (status === 'failed' && event === 'charge.success');
