export { feeFor, getBiller, listBillers } from './catalogue.js';
export type { Biller, Category } from './catalogue.js';
export {
  createPayment,
  customerFailureReason,
  getCustomerPaymentView,
  getPaymentView,
  getPaymentViews,
  insertPayments,
  listPayments,
} from './payments.js';
export type { NewPayment } from './payments.js';
export type { PaymentStatus } from './payments.js';
export { startProviders } from '../providers/index.js';
export type { ProviderRuntime } from '../providers/index.js';
export { resolvePayment } from './review.js';
export { billRoutes } from './routes.js';
export { checkPayment, markFailed, markRefundedByOperator, markSucceeded, runVend } from './vend.js';
export type { VendTiming } from './vend.js';
export { billConsumers, vendTimingFromConfig } from './consumers.js';
export { vtpassWebhookPath } from './webhooks.js';
export { paymentDetail } from './payment-detail.js';
export { billMoneyFigures } from './dashboard.js';
export { searchBillPayments } from './search.js';
export type { BillCategoryFigures } from './dashboard.js';
export { createNotifier, type Notifier } from './notify.js';
export { resendToken } from './tokens.js';
export { listPaymentsForReconciliation } from './reconciliation-read.js';
export type { PaymentForReconciliation } from './reconciliation-read.js';
export { commissionMismatches, providerDayFigures } from './settlement-figures.js';
export type { CommissionMismatch, ProviderDayFigures } from './settlement-figures.js';
export { postingsSchema, providerCallsSchema } from './schemas-payments.js';
export { billTasks } from './tasks.js';
export { BILLS_REFRESHED_EVENT } from './due.js';
