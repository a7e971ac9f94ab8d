/** Spending limits enforced by the ledger itself, through control accounts (see accounts.ts). */
export { UNLIMITED } from './accounts.js';
export { lagosDay, lagosDayBounds, nextLagosMidnight } from './day.js';
export {
  checkSingle,
  createLimits,
  type LimitExceeded,
  type LimitHolder,
  type LimitRule,
  type Limits,
  limitExceeded,
  type Usage,
} from './limits.js';
