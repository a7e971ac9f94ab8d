/**
 * Risk monitoring: rules as data (versioned), evaluated inside the ledger
 * batch before a debit moves (the `risk` checker), the journal of debits
 * that went through (the `risk.debits` writer), and the cases operators
 * resolve. Money modules give the checker a RiskAttempt per debit, throw
 * riskBlocked() on a block, and register how to release or refuse what a
 * hold kept (registerHoldResolver).
 */
export {
  type ActivityLine,
  type CaseDecision,
  type CaseWithActivity,
  freezeFromCase,
  getCase,
  listCases,
  openCases,
  recentActivity,
  type ResolveAs,
  type RiskCase,
  resolveCase,
} from './cases.js';
export { type CaseStatus, caseStates } from './case-states.js';
export { riskChecker, riskDebitsWriter } from './checker.js';
export { evaluate, inForce } from './evaluate.js';
export { type CaseRef, type HoldResolver, registerHoldResolver, riskBlocked } from './holds.js';
export { listRules, type RuleInput, setRules } from './rules.js';
export { riskRoutes } from './routes.js';
export {
  type Activity,
  DEBIT_KINDS,
  type DebitKind,
  type Evaluation,
  type Fired,
  type RecentDebit,
  RISK_ACTIONS,
  type RiskAction,
  type RiskAttempt,
  type RiskDebit,
  type RiskRule,
  type RiskVerdict,
  RULE_TYPES,
  type RuleType,
} from './types.js';
