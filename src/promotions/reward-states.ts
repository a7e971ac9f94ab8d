import { defineStates } from '../db/state-machine.js';

export type RewardStatus = 'paid' | 'skipped' | 'clawed_back' | 'receivable' | 'settled';

/**
 * A reward paid is clawed back when its triggering payment is reversed, or,
 * when the wallet no longer holds it, becomes a receivable an operator
 * settles. A skipped decision (budget spent, a limit reached) is final.
 */
export const rewardStates = defineStates<RewardStatus>('reward', {
  paid: ['clawed_back', 'receivable'],
  receivable: ['settled'],
  skipped: [],
  clawed_back: [],
  settled: [],
});
