export {
  createAccount,
  getAccount,
  getAccountByKey,
  getAccounts,
  listAccounts,
  setAccountStatus,
} from './accounts.js';
export type { CreateAccountInput } from './accounts.js';
export { AUDIT_CHECK_WORDS, formatAudit, runAudit } from './audit.js';
export type { AuditCheck, AuditReport } from './audit.js';
export { createLedgerBatcher } from './batcher.js';
export type {
  BatchCheck,
  BatchChecker,
  BatchWrite,
  BatchWriter,
  CheckedResult,
  LedgerBatcher,
  SubmitOptions,
} from './batcher.js';
export { accountReaderOf, createAccountReader } from './read-batcher.js';
export type { AccountReader, AccountReaderOptions } from './read-batcher.js';
export {
  getAccountBalances,
  getBalance,
  getBalanceAt,
  getBalances,
  getHistory,
  getPostedLines,
  getTransaction,
  getTransactionPostings,
  findTransfers,
  transferTotals,
  MAX_HISTORY_PAGE,
  walletPostingsOf,
} from './reads.js';
export type { AccountBalance, HistoryLine, HistoryQuery, PostedLine } from './reads.js';
export { sweepExpiredHolds } from './sweeper.js';
export { createTransactions, isRetryableBatchError } from './transactions.js';
export * from './types.js';
export { isUuid } from './validate.js';
