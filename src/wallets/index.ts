export {
  applyGatewayEvent,
  type CardChargeDeposit,
  createDeposit,
  depositAuthorization,
  depositStatuses,
  firstSucceededDeposit,
  getDeposit,
  insertCardChargeDeposit,
} from './deposits.js';
export { DEPOSIT_VERIFY_BATCH, verifyDeposit, verifyPendingDeposits } from './deposit-verify.js';
export { signWebhook, verifyWebhookSignature } from './gateway.js';
export { csvText, lineOfTransaction, minorToDecimal, statementCsv, walletLines } from './history.js';
export type { LineSubject, OwnedLine, WalletLine } from './history.js';
export { ledgerRefusal, storeRefusal } from './problems.js';
export { createDisabledPayouts } from './payouts.js';
export type { Bank, PayoutProvider, PayoutResult } from './payouts.js';
export { createPaystackPayouts, payoutProviderOf } from './payouts-paystack.js';
export {
  BANK_LIST_MAX_AGE_MS,
  BANK_REFRESH_CHECK_MS,
  findBank,
  listBanks,
  refreshBanksIfStale,
  resolveAccountName,
} from './banks.js';
export { walletRoutes } from './routes.js';
export { walletConsumers } from './consumers.js';
export {
  ensureSystemAccounts,
  systemAccountId,
  walletSystemAccounts,
  SUPPORTED_CURRENCIES,
} from './system-accounts.js';
export type { SystemAccountSpec } from './system-accounts.js';
export { resolveRecipient, transfer } from './transfers.js';
export { createWallet, ensureWallet, getOwnWallet, getWallet, listWallets, walletIdFor } from './wallets.js';
export type { Wallet } from './wallets.js';
export { getWithdrawal, requestWithdrawal, withdrawalFee, withdrawalReviewResolver } from './withdrawals.js';
export { reviewHoldId, transferReviewResolver } from './transfer-review.js';
export { walletMoneyFigures } from './dashboard.js';
export { searchWalletMoney } from './search.js';
export type { RailFigures } from './dashboard.js';
export { handleGatewayWebhook, type GatewayEventHandler } from './gateway-webhooks.js';
export { type MoneyState, type RefundSource, type WalletSubject, walletSubject } from './dispute-subjects.js';
export {
  listDepositsForReconciliation,
  listWithdrawalsForReconciliation,
  type MovementForReconciliation,
} from './reconciliation-read.js';
