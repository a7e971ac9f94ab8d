/**
 * Reconciliation: an outside report (a bill provider's, the gateway's, the
 * bank's) against our own records, by matching rules kept as data. Every line
 * and every one of our items ends in one class (matched, missing_internal,
 * missing_external, amount_mismatch, status_mismatch, duplicate_external);
 * operators resolve the exceptions from the console. Runs are idempotent per
 * file, resumable, and can be dry runs.
 */
export { reconcile, ruleApplies, amountAgrees } from './match.js';
export {
  checkMapping,
  type ColumnMapping,
  MAX_REPORT_BYTES,
  MAX_REPORT_LINES,
  parseReport,
} from './parse.js';
export { createMatchRule, listMatchRules, updateMatchRule } from './rules.js';
export { processRun, resumeUnfinished, startRun, type StartInput } from './runs.js';
export { getRunDetail, listRuns } from './views.js';
export { CLASSES, type Counts, type ItemClass, type MatchRule } from './types.js';
export { reconciliationRoutes } from './routes.js';
export { resolveException } from './exceptions.js';
export { NIGHTLY_CHECK_MS, RESUME_CHECK_MS, runNightly } from './nightly.js';
