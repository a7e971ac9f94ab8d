import { defineStates } from '../db/state-machine.js';

export type CaseStatus = 'open' | 'resolved';

/** A risk case: open -> resolved, once, with the operator's decision. */
export const caseStates = defineStates<CaseStatus>('risk case', {
  open: ['resolved'],
  resolved: [],
});
