/**
 * The shapes of the Vendra API (amounts are integers in minor units, currency beside them), named
 * for the pages. Every one is taken from api-schema.d.ts, generated from the server's OpenAPI
 * document (`npm run generate:web-types`), so a change to a route's schema shows up here as a type
 * error instead of a surprise in the browser.
 */
import type { components, paths } from './api-schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The JSON body `path` answers `method` with `status`. */
export type ResponseBody<
  Path extends keyof paths,
  M extends Method & keyof paths[Path],
  Status extends number = 200,
> = paths[Path][M] extends { responses: Record<Status, { content: { 'application/json': infer Body } }> }
  ? Body
  : never;

/** The JSON body `path` takes with `method`. */
export type RequestBody<
  Path extends keyof paths,
  M extends Method & keyof paths[Path],
> = paths[Path][M] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

type Item<List extends { data: unknown[] }> = List['data'][number];

export type Problem = components['schemas']['Problem'];

export type User = ResponseBody<'/v1/me', 'get'>;
export type Role = User['role'];
export type AuthResponse = ResponseBody<'/v1/auth/login', 'post'>;

export type Wallet = ResponseBody<'/v1/wallets/{id}', 'get'>;
export type Line = Item<ResponseBody<'/v1/wallets/{id}/transactions', 'get'>>;
export type LineType = Line['type'];

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export type Deposit = ResponseBody<'/v1/wallets/{id}/deposits', 'post', 201>;
export type FundingAccount = ResponseBody<'/v1/wallets/{id}/funding-account', 'get'>;
export type InboundTransfer = Item<ResponseBody<'/v1/admin/inbound-transfers', 'get'>>;
export type Transfer = ResponseBody<'/v1/transfers', 'post', 201>;
export type Bank = Item<ResponseBody<'/v1/banks', 'get'>>;
export type Withdrawal = ResponseBody<'/v1/withdrawals/{id}', 'get'>;
export type WithdrawalQuote = ResponseBody<'/v1/withdrawals/quote', 'post'>;
export type Beneficiary = Item<ResponseBody<'/v1/beneficiaries', 'get'>>;
export type NewBeneficiary = RequestBody<'/v1/beneficiaries', 'post'>;

export type Biller = ResponseBody<'/v1/billers/{id}', 'get'>;
export type BillCategory = Biller['category'];
export type BillerProduct = Biller['products'][number];
export type CustomerValidation = ResponseBody<'/v1/billers/{id}/validate', 'post'>;
export type QuoteRequest = RequestBody<'/v1/bill-payments/quote', 'post'>;
export type Quote = ResponseBody<'/v1/bill-payments/quote', 'post'>;
export type BillPayment = ResponseBody<'/v1/bill-payments/{id}', 'get'>;
export type BillStatus = BillPayment['status'];
export type SavedCustomer = Item<ResponseBody<'/v1/saved-customers', 'get'>>;

export type AdminBillPayment = ResponseBody<'/v1/admin/bill-payments/{id}', 'get'>;
export type AdminUser = Item<ResponseBody<'/v1/admin/users', 'get'>>;
/** GET /v1/admin/users/{id}, with the wallets from GET /v1/admin/users/{id}/wallets. */
export type AdminUserDetail = ResponseBody<'/v1/admin/users/{id}', 'get'> & {
  wallets: Item<ResponseBody<'/v1/admin/users/{id}/wallets', 'get'>>[];
};
/** One operator action, as GET /v1/admin/audit-log answers it. */
export type AuditEntry = Item<ResponseBody<'/v1/admin/audit-log', 'get'>>;
export type ProvidersResponse = ResponseBody<'/v1/admin/providers', 'get'>;
export type ProviderHealth = Item<ProvidersResponse>;
export type ProviderKnobs = NonNullable<ProvidersResponse['knobs']>;
export type LedgerAudit = ResponseBody<'/v1/admin/ledger/audit', 'post'>;
export type SystemAccount = Item<ResponseBody<'/v1/admin/ledger/system-accounts', 'get'>>;
export type Dashboard = ResponseBody<'/v1/admin/dashboard', 'get'>;
export type MoneyDashboard = ResponseBody<'/v1/admin/dashboard/money', 'get'>;
export type MoneyRail = MoneyDashboard['rails'][number];

export const FINAL_BILL_STATUSES: readonly BillStatus[] = ['succeeded', 'failed', 'reversed'];

export type LoginSession = Item<ResponseBody<'/v1/me/sessions', 'get'>>;
export type Dispute = Item<ResponseBody<'/v1/disputes', 'get'>>;
export type DisputeDetail = ResponseBody<'/v1/disputes/{id}', 'get'>;
export type AdminDispute = ResponseBody<'/v1/admin/disputes/{id}', 'get'>;
export type DisputeSubjectType = RequestBody<'/v1/disputes', 'post'>['subjectType'];
export type DisputeReason = RequestBody<'/v1/disputes', 'post'>['reason'];
export type ProviderFloat = Item<ResponseBody<'/v1/admin/providers/float', 'get'>>;
export type SettlementStatement = Item<ResponseBody<'/v1/admin/settlements', 'get'>>;
export type SettlementDetail = ResponseBody<'/v1/admin/settlements/{id}', 'get'>;
export type GatewayStatement = Item<ResponseBody<'/v1/admin/settlements/gateway', 'get'>>;
export type NotificationPage = ResponseBody<'/v1/notifications', 'get'>;
export type AppNotification = Item<NotificationPage>;
export type NotificationPreference = Item<ResponseBody<'/v1/me/notification-preferences', 'get'>>;
export type PublicCampaign = Item<ResponseBody<'/v1/campaigns', 'get'>>;
export type RewardsResponse = ResponseBody<'/v1/rewards', 'get'>;
export type Reward = Item<RewardsResponse>;
export type SavedCard = Item<ResponseBody<'/v1/cards', 'get'>>;
export type AutoTopupRule = Item<ResponseBody<'/v1/auto-topup/rules', 'get'>>;
export type Campaign = Item<ResponseBody<'/v1/admin/campaigns', 'get'>>;
export type CampaignReward = Item<ResponseBody<'/v1/admin/campaigns/{id}/rewards', 'get'>>;
export type NewCampaign = RequestBody<'/v1/admin/campaigns', 'post'>;

export type LinkedAccount = Item<ResponseBody<'/v1/linked-accounts', 'get'>>;
export type LinkSuggestion = Item<ResponseBody<'/v1/linked-accounts/suggestions', 'get'>>;
export type BillsDue = ResponseBody<'/v1/bills/due', 'get'>;
export type DueBill = Item<BillsDue>;
export type PayAllResult = ResponseBody<'/v1/bills/due/pay', 'post', 202>;
export type AdminBiller = Item<ResponseBody<'/v1/admin/billers', 'get'>>;
export type PriceChange = Item<ResponseBody<'/v1/admin/billers/{id}/price-history', 'get'>>;
export type SyncResult = ResponseBody<'/v1/admin/billers/{id}/sync', 'post'>;

/** GET /v1/support: the operator's support contact and what a frozen account can and cannot do. */
export type Support = ResponseBody<'/v1/support', 'get'>;
export type SearchPage = ResponseBody<'/v1/admin/search', 'get'>;
export type FoundTransaction = SearchPage['data'][number];
/** GET /v1/admin/users/{id}/kyc: a person's KYC as staff see it. */
export type StaffKyc = ResponseBody<'/v1/admin/users/{id}/kyc', 'get'>;
/** One login session of a person, as GET /v1/admin/users/{id}/sessions answers it. */
export type StaffSession = Item<ResponseBody<'/v1/admin/users/{id}/sessions', 'get'>>;
