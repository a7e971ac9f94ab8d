/**
 * The one interface every bill-payment provider adapter implements.
 *
 * Adapters never throw for anything the provider or the network does: a
 * timeout, a reset connection, a 5xx, a body that is not JSON or a code we do
 * not know all become `outcome: 'unknown'`, which the caller resolves by
 * requery (never by refunding). They throw only for caller bugs (an invalid
 * request), before anything is sent.
 */

/** success/failed are definite; pending is the provider's word; unknown means we could not tell. */
export type Outcome = 'success' | 'failed' | 'pending' | 'unknown';

/** The operations the router records, one label value each in the metrics. */
export type ProviderOp = 'vend' | 'requery' | 'validate' | 'variations';

export interface VendRequest {
  /** Our idempotency key on the provider's side (VTpass request_id). */
  reference: string;
  serviceId: string;
  variationCode: string;
  /** Meter number, smartcard or phone number. */
  customerRef: string;
  amountMinor: bigint;
  phone?: string;
  email?: string;
}

export interface VendResult {
  /** definite success | definite failure | provider says pending | we could not tell (timeout, reset, 5xx, bad JSON, unknown code) */
  outcome: Outcome;
  /** The provider reversed it after delivery (VTpass 040). */
  reversed?: boolean;
  /** Requery only: the provider does not know the reference (VTpass 015). */
  notFound?: boolean;
  /** The provider's code (e.g. '000') or ours: timeout, network_error, http_5xx, bad_json, unexpected_code:XYZ. */
  code?: string;
  message?: string;
  /** Prepaid electricity. */
  token?: string;
  units?: string;
  /** customerName, customerAddress, exchangeReference, tariff, ... whatever the response carries (bounded). */
  receipt?: Record<string, string | number | null>;
  providerTransactionId?: string;
  commissionMinor?: bigint;
  latencyMs: number;
}

export interface ValidateResult {
  ok: boolean;
  outcome: Outcome;
  code?: string;
  message?: string;
  /** The provider answered that no such customer exists (VTpass: WrongBillersCode): the customer's mistake. */
  customerNotFound?: boolean;
  customerName?: string;
  address?: string;
  meterType?: string;
  minimumAmountMinor?: bigint;
  arrearsMinor?: bigint;
  canVend?: boolean;
  /** A postpaid account's outstanding bill, when the answer carries one (see mapValidateResponse). */
  bill?: OutstandingBill;
  latencyMs: number;
}

/** What a postpaid account owes, as merchant-verify reports it. */
export interface OutstandingBill {
  amountDueMinor: bigint;
  /** YYYY-MM-DD, when the provider says. */
  dueDate?: string;
  /** The billing period (e.g. 2026-12), when the provider says. */
  period?: string;
  /** The provider's bill reference, when it has one. */
  reference?: string;
}

export interface Variation {
  code: string;
  name: string;
  /** null when the customer chooses the amount (electricity, airtime). */
  amountMinor: bigint | null;
  fixedPrice: boolean;
}

/** A webhook only says "look at this reference again"; the caller confirms by requery. */
export interface WebhookHint {
  reference: string;
  type: string;
}

/** The provider's own view of our float with it (VTpass GET /api/balance). */
export interface BalanceResult {
  ok: boolean;
  /** Minor units; may be negative only if the provider lets the float go below zero. */
  balanceMinor?: bigint;
  /** Ours when not ok: timeout, network_error, http_5xx, bad_json, unexpected_code:X. */
  code?: string;
  message?: string;
  latencyMs: number;
}

export interface ProviderAdapter {
  readonly name: string;
  /** Catalogue sync (not a money path): throws ProviderError when the provider cannot be read. */
  listVariations(serviceId: string): Promise<Variation[]>;
  validateCustomer(input: {
    serviceId: string;
    variationCode: string;
    customerRef: string;
  }): Promise<ValidateResult>;
  vend(req: VendRequest): Promise<VendResult>;
  requery(reference: string): Promise<VendResult>;
  /** A webhook is only a hint; the caller confirms by requery. */
  parseWebhook(body: unknown): WebhookHint | null;
  /** The float balance the provider holds for us (not a money path: never throws). */
  balance?(): Promise<BalanceResult>;
}

/** Thrown only by listVariations, where an empty list would be misread as "no products". */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    readonly code: string,
    message: string,
  ) {
    super(`${provider}: ${code}: ${message}`);
    this.name = 'ProviderError';
  }
}
