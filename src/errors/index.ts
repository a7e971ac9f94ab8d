/**
 * The shared error kernel: every code the API can answer, once, with its
 * HTTP status. Any layer may import it (it imports nothing). A throw names
 * the code only; the status comes from this table, so one code can never
 * answer two statuses, and a new code has to be registered here first.
 */
export const ERROR_STATUS = {
  // 400: the request itself is wrong
  bad_request: 400,
  validation_failed: 400,
  unknown_field: 400,
  invalid_amount: 400,
  empty_body: 400,
  malformed_json: 400,
  invalid_cursor: 400,
  invalid_email: 400,
  invalid_phone: 400,
  invalid_name: 400,
  weak_password: 400,
  invalid_referral_code: 400,
  invalid_scope: 400,
  invalid_customer_ref: 400,
  invalid_bounds: 400,
  idempotency_key_required: 400,
  invalid_idempotency_key: 400,
  unsupported_currency: 400,
  invalid_text: 400,
  invalid_content_length: 400,
  bad_url: 400,
  malformed_request: 400,
  invalid_risk_rule: 400,
  invalid_report: 400,
  invalid_match_rule: 400,
  invalid_reset_token: 400,
  reset_token_expired: 400,
  invalid_verification_token: 400,
  verification_token_expired: 400,
  wrong_password: 400,
  invalid_code: 400,
  code_expired: 400,
  invalid_campaign: 400,
  invalid_auto_topup_rule: 400,
  pin_too_simple: 400,
  // 401: who the caller is could not be established
  unauthorized: 401,
  invalid_credentials: 401,
  invalid_token: 401,
  token_expired: 401,
  invalid_refresh_token: 401,
  refresh_token_expired: 401,
  refresh_token_reused: 401,
  invalid_signature: 401,
  // 403: known caller, not allowed
  forbidden: 403,
  insufficient_scope: 403,
  adjustment_needs_admin: 403,
  account_frozen: 403,
  kyc_required: 403,
  phone_unverified: 403,
  email_unverified: 403,
  risk_blocked: 403,
  pin_required: 403,
  pin_not_set: 403,
  pin_invalid: 403,
  // 404
  not_found: 404,
  biller_not_found: 404,
  recipient_not_found: 404,
  bill_not_found: 404,
  // 409: the state does not allow it (now)
  email_taken: 409,
  phone_taken: 409,
  admin_email_taken: 409,
  cannot_target_self: 409,
  too_many_api_keys: 409,
  wallet_exists: 409,
  request_in_progress: 409,
  no_token: 409,
  not_resolvable: 409,
  provider_not_final: 409,
  not_sandbox: 409,
  kyc_already_verified: 409,
  identity_number_in_use: 409,
  kyc_tier_required: 409,
  kyc_review_pending: 409,
  review_not_pending: 409,
  wallet_not_active: 409,
  wallet_not_frozen: 409,
  wallet_not_empty: 409,
  risk_case_not_open: 409,
  risk_case_not_held: 409,
  dispute_already_open: 409,
  dispute_not_open: 409,
  subject_in_flight: 409,
  already_refunded: 409,
  bank_reference_reused: 409,
  too_many_beneficiaries: 409,
  notification_locked: 409,
  already_verified: 409,
  no_phone: 409,
  no_pending_code: 409,
  campaign_state_invalid: 409,
  auto_topup_rule_exists: 409,
  pin_already_set: 409,
  biller_exists: 409,
  price_changed: 409,
  linked_account_exists: 409,
  linked_accounts_limit: 409,
  bill_already_paid: 409,
  // 408, 413, 414, 415, 431: the transport
  request_timeout: 408,
  body_too_large: 413,
  url_too_long: 414,
  unsupported_media_type: 415,
  headers_too_large: 431,
  // 422: understood, refused by a business rule
  insufficient_funds: 422,
  limit_exceeded: 422,
  wallet_frozen: 422,
  wallet_closed: 422,
  currency_mismatch: 422,
  self_transfer: 422,
  idempotency_key_reused: 422,
  amount_out_of_range: 422,
  amount_mismatch: 422,
  unknown_bank: 422,
  account_not_resolved: 422,
  biller_disabled: 422,
  product_not_found: 422,
  product_disabled: 422,
  customer_not_found: 422,
  kyc_name_mismatch: 422,
  kyc_dob_mismatch: 422,
  bvn_not_found: 422,
  nin_not_found: 422,
  // 423: locked for a while
  pin_locked: 423,
  // 429
  rate_limited: 429,
  too_many_attempts: 429,
  too_many_streams: 429,
  // 5xx: our side or a dependency
  internal_error: 500,
  ledger_refused: 500,
  overloaded: 503,
  database_unavailable: 503,
  providers_unavailable: 503,
  validation_unavailable: 503,
  withdrawals_unavailable: 503,
  bank_unavailable: 503,
  kyc_provider_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every code as a value, `ErrorCode.not_found` (documenso's `AppErrorCode` shape). */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_STATUS).map((c) => [c, c])) as {
  readonly [C in ErrorCode]: C;
};

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const statusOf = (code: ErrorCode): number => ERROR_STATUS[code];

export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ERROR_STATUS, value);

/**
 * An error the client can act on. It becomes an RFC 9457 problem document
 * whose `code` is stable and documented; the title is for humans.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const unauthorized = (message = 'Authentication is required') =>
  new AppError('unauthorized', message, {}, { 'www-authenticate': 'Bearer' });
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
