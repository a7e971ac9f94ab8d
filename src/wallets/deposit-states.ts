import { defineStates } from '../db/state-machine.js';

export type DepositStatus = 'pending' | 'succeeded' | 'failed' | 'flagged';

/**
 * The deposit state machine: one gateway event settles a pending deposit,
 * credited (succeeded), failed, or flagged for an operator (amount or
 * currency mismatch, or a wallet that cannot be credited). Nothing leaves
 * a settled deposit: a repeated event is a duplicate.
 */
export const depositStates = defineStates<DepositStatus>('deposit', {
  pending: ['succeeded', 'failed', 'flagged'],
  succeeded: [],
  failed: [],
  flagged: [],
});
