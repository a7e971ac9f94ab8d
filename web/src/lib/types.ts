/** The shapes of the Vendra API (amounts are integers in minor units, currency beside them). */

export type Role = 'customer' | 'operator' | 'admin';

export interface User {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  role: Role;
}

export interface AuthResponse {
  user: User;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export interface Wallet {
  id: string;
  currency: string;
  status: 'active' | 'frozen' | 'closed';
  balance: number;
  available: number;
  held: number;
  createdAt: string;
}

export type LineType =
  | 'deposit'
  | 'transfer_in'
  | 'transfer_out'
  | 'withdrawal'
  | 'bill_payment'
  | 'refund'
  | 'fee'
  | 'adjustment';

export interface Line {
  id: string;
  transactionId: string;
  type: LineType;
  direction: 'credit' | 'debit';
  amount: number;
  currency: string;
  balanceAfter: number;
  status: 'completed' | 'pending' | 'released';
  counterparty: { name?: string; walletId?: string } | null;
  description: string;
  reference: string;
  createdAt: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface Deposit {
  id: string;
  reference: string;
  amount: number;
  currency: string;
  status: 'pending' | 'succeeded' | 'failed';
  checkoutUrl?: string;
}

export interface Transfer {
  id: string;
  status: 'completed';
  amount: number;
  currency: string;
  fromWalletId: string;
  toWalletId: string;
  recipient: { name: string };
  narration: string | null;
  createdAt: string;
}

export interface Bank {
  code: string;
  name: string;
}

export interface Withdrawal {
  id: string;
  status: string;
  amount: number;
  fee: number;
  total: number;
  currency: string;
  failureReason?: string | null;
}

export type BillCategory = 'electricity' | 'airtime' | 'data' | 'cable';

export interface BillerProduct {
  code: string;
  name: string;
  kind: 'prepaid' | 'postpaid' | 'airtime' | 'bundle' | 'bouquet';
  fixedAmount: number | null;
  minAmount: number;
  maxAmount: number;
}

export interface Biller {
  id: string;
  name: string;
  category: BillCategory;
  enabled: boolean;
  products: BillerProduct[];
  fee: { type: 'flat' | 'percent'; flat?: number; percentBps?: number; cap?: number };
  customerRefLabel: string;
}

export interface CustomerValidation {
  customerName: string;
  address: string | null;
  meterType: string | null;
  minimumAmount: number | null;
  arrears: number | null;
  canVend: boolean;
}

export interface Quote {
  amount: number;
  fee: number;
  total: number;
  currency: string;
}

export type BillStatus = 'pending' | 'processing' | 'succeeded' | 'failed' | 'reversed' | 'needs_review';

export interface BillPayment {
  id: string;
  status: BillStatus;
  billerId: string;
  billerName: string;
  category: BillCategory;
  productCode: string;
  customerRef: string;
  customerName: string | null;
  amount: number;
  fee: number;
  total: number;
  currency: string;
  token: string | null;
  units: string | number | null;
  receipt: Record<string, unknown> | null;
  failureReason: string | null;
  timeline: { status: string; at: string; reason: string | null }[];
  createdAt: string;
  updatedAt: string;
  reference?: string;
}

export interface SavedCustomer {
  billerId: string;
  billerName: string;
  productCode: string;
  customerRef: string;
  customerName: string | null;
  lastAmount: number;
  lastPaidAt: string;
}

export interface AdminBillPayment extends BillPayment {
  providerCalls: { op: string; at: string; outcome: string; code: string | null; latencyMs: number }[];
  postings: {
    transactionId: string;
    accountId: string;
    accountName: string;
    side: 'D' | 'C';
    pending: boolean;
    amount: number;
    createdAt: string;
  }[];
  user: { id: string; email: string; fullName: string };
}

export interface AdminUser {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  role: Role;
  status: string;
  createdAt: string;
}

export interface AdminUserDetail extends AdminUser {
  wallets: Wallet[];
}

/** One operator action, as GET /v1/admin/audit-log answers it. */
export interface AuditEntry {
  id: string;
  createdAt: string;
  /** null: the system (startup, CLI). */
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** For a user target, that user's email. */
  targetEmail: string | null;
  reason: string | null;
}

export interface ProviderHealth {
  name: string;
  state: 'closed' | 'open' | 'half_open';
  successRate: number;
  p50Ms: number;
  p95Ms: number;
  calls: number;
}

export interface ProviderKnobs {
  latencyMs: number;
  failureRate: number;
  pendingRate: number;
  lostResponseRate: number;
}

export interface ProvidersResponse {
  data: ProviderHealth[];
  sandbox: boolean;
  knobs?: ProviderKnobs;
}

export interface LedgerAudit {
  ok: boolean;
  at: string;
  checks: { name: string; ok: boolean; detail: string; violations: unknown[] }[];
}

export interface SystemAccount {
  id: string;
  name: string;
  type: string;
  currency: string;
  balance: number;
}

export interface Dashboard {
  paymentsPerMinute: { minute: string; count: number; succeeded: number; failed: number }[];
  successRate: number | null;
  timeToFinalP50Ms: number | null;
  timeToFinalP95Ms: number | null;
}

export const FINAL_BILL_STATUSES: readonly BillStatus[] = ['succeeded', 'failed', 'reversed'];
