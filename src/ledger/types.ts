/** The largest amount PostgreSQL's BIGINT holds: 2^63 - 1 minor units. */
export const MAX_AMOUNT = 9_223_372_036_854_775_807n;
/** At most this many legs in one transaction. */
export const MAX_LEGS = 16;
/**
 * At most this many items in one call to createTransactions: each takes an
 * advisory lock until commit, and PostgreSQL's lock table is shared.
 */
export const MAX_BATCH_ITEMS = 1_000;

export type AccountType =
  | 'user_wallet'
  | 'gateway_clearing'
  | 'payout_clearing'
  | 'provider_float'
  | 'fee_revenue'
  | 'commission_receivable'
  | 'promotion_expense'
  | 'suspense'
  | 'equity'
  | 'test'
  /** Holds no money: a person's daily allowance, balance headroom, and their control account (src/limits). */
  | 'limit_control'
  /** Commission providers pay us (an upfront discount on what the float is charged). */
  | 'commission_revenue'
  /** Our bank account: where float top-ups are paid from. */
  | 'settlement_bank';

export type AccountStatus = 'active' | 'frozen' | 'closed';

export interface Account {
  id: string;
  key: string | null;
  currency: string;
  type: AccountType;
  ownerId: string | null;
  name: string;
  status: AccountStatus;
  debitsMustNotExceedCredits: boolean;
  creditsMustNotExceedDebits: boolean;
  buckets: number;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

export type Side = 'D' | 'C';

/** One side of a posting: the account, debit or credit, and a positive amount in minor units. */
export interface Leg {
  accountId: string;
  side: Side;
  amount: bigint;
}

interface ItemBase {
  /** Client-chosen, unique in the ledger; the idempotency key of the transaction. */
  id: string;
  /** Business type, e.g. 'transfer', 'deposit', 'bill_payment'; shown in history. */
  code?: string;
  metadata?: Record<string, unknown>;
  /** Links this item to the next: the chain succeeds or fails as a whole. */
  linked?: boolean;
}

/** Moves money now. */
export interface TransferItem extends ItemBase {
  kind: 'transfer';
  currency: string;
  legs: Leg[];
}

/** Reserves money: pending debits and credits, resolved later by a post or a void. */
export interface HoldItem extends ItemBase {
  kind: 'hold';
  currency: string;
  legs: Leg[];
  /** The hold expires this long after it is placed; 0 or undefined: never (a hold backing an unresolved provider call). */
  timeoutMs?: number;
}

/** Posts a hold, in full or (with legs) for less. */
export interface PostItem extends ItemBase {
  kind: 'post';
  pendingId: string;
  legs?: Leg[];
}

/** Releases a hold. */
export interface VoidItem extends ItemBase {
  kind: 'void';
  pendingId: string;
  /** Set by the expiry sweeper only: voids a hold that has expired. */
  expiry?: boolean;
}

export type LedgerItem = TransferItem | HoldItem | PostItem | VoidItem;

/** Errors of the input itself, found before the database is asked. Never recorded. */
export type InputError =
  | 'invalid_id'
  | 'invalid_currency'
  | 'invalid_amount'
  | 'amount_out_of_range'
  | 'invalid_account_id'
  | 'invalid_side'
  | 'no_legs'
  | 'too_many_legs'
  | 'unbalanced'
  | 'same_account_both_sides'
  | 'invalid_timeout'
  | 'invalid_pending_id'
  | 'duplicate_id_in_batch';

/** Outcomes decided by the database. */
export type LedgerError =
  | 'exists_with_different_fields'
  | 'account_not_found'
  | 'currency_mismatch'
  | 'account_frozen'
  | 'account_closed'
  | 'insufficient_funds'
  | 'credit_limit_exceeded'
  | 'pending_not_found'
  | 'pending_already_posted'
  | 'pending_already_voided'
  | 'pending_expired'
  | 'pending_not_expired'
  | 'post_exceeds_pending'
  | 'linked_event_failed'
  | 'linked_event_chain_open'
  | 'no_legs';

export type ResultCode = 'ok' | InputError | LedgerError;

export interface TransactionResult {
  id: string;
  ok: boolean;
  code: ResultCode;
  /** True when the answer is the recorded outcome of an earlier request with the same id. */
  replayed: boolean;
}

export interface Balance {
  accountId: string;
  currency: string;
  debitsPosted: bigint;
  creditsPosted: bigint;
  debitsPending: bigint;
  creditsPending: bigint;
  /** credits_posted - debits_posted: what a credit-normal account (a wallet) holds. */
  posted: bigint;
  /** posted - debits_pending: what it can spend now. */
  available: bigint;
  /** debits_pending: what is reserved by open holds. */
  held: bigint;
}

/** Thrown for misuse of the ledger API that is a bug in the caller, not a business outcome. */
export class LedgerInputError extends Error {
  constructor(
    readonly code: InputError | 'invalid_account' | 'account_exists_with_different_fields',
    message: string,
  ) {
    super(message);
    this.name = 'LedgerInputError';
  }
}
