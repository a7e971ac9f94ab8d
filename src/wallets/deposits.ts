import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { assertCanReceive, chargeLimits } from '../kyc/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { getUser } from '../identity/index.js';
import { createTransactions, type Leg, type LedgerItem } from '../ledger/index.js';
import { publish } from '../outbox/index.js';
import { type DepositStatus, depositStates, settleable } from './deposit-states.js';
import { newDepositReference, startCheckout } from './gateway.js';
import { recordWebhook } from './webhook-log.js';
import { systemAccountId } from './system-accounts.js';
import { getOwnWallet } from './wallets.js';

export const DEPOSIT_NAMESPACE = '9a7c5e3b-1d2f-4a6b-8c0e-2f4a6c8e0b1d';
/** The largest single deposit, in minor units (NGN 10,000,000.00). */
export const MAX_DEPOSIT = 1_000_000_000n;
export const MIN_DEPOSIT = 100n;

export interface DepositView {
  id: string;
  reference: string;
  walletId: string;
  amount: bigint;
  currency: string;
  status: DepositStatus;
  checkoutUrl: string;
  createdAt: string;
}

export interface DepositRow {
  id: string;
  reference: string;
  user_id: string;
  wallet_id: string;
  amount: bigint;
  currency: string;
  status: DepositView['status'];
  checkout_url: string | null;
  created_at: Date;
}

const view = (r: DepositRow): DepositView => ({
  id: r.id,
  reference: r.reference,
  walletId: r.wallet_id,
  amount: r.amount,
  currency: r.currency.trim(),
  status: r.status,
  checkoutUrl: r.checkout_url ?? '',
  createdAt: r.created_at.toISOString(),
});

/** Starts funding a wallet: a pending deposit and a checkout page at the gateway. */
export async function createDeposit(
  ctx: AppContext,
  userId: string,
  walletId: string,
  amount: bigint,
  baseUrl: string,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  if (amount < MIN_DEPOSIT || amount > MAX_DEPOSIT) {
    throw new AppError(
      'amount_out_of_range',
      `A deposit must be between ${MIN_DEPOSIT} and ${MAX_DEPOSIT} minor units`,
    );
  }
  const wallet = await getOwnWallet(ctx.db, userId, walletId);
  if (wallet.status === 'closed') throw new AppError('wallet_closed', 'This wallet is closed');
  if (wallet.status !== 'active') throw new AppError('wallet_frozen', 'This wallet cannot receive money now');
  await assertCanReceive(ctx, userId, wallet.currency, amount); // told now, not after paying at checkout
  const user = await getUser(ctx.db, userId);
  const reference = newDepositReference();
  const checkoutUrl = await startCheckout(ctx.config, baseUrl, {
    reference,
    amount,
    currency: wallet.currency,
    email: user?.email ?? 'customer@vendra.invalid',
    callbackUrl: `${baseUrl}/?deposit=${reference}`,
  });
  // The id is derived from the idempotency key, so a retry that takes over a stale claim returns the first deposit.
  const id = uuidv5(`deposit-id:${claim.scope}:${claim.key}`, DEPOSIT_NAMESPACE);
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<DepositRow>(
      `INSERT INTO wallets.deposits (id, reference, user_id, wallet_id, amount, currency, gateway, checkout_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING *`,
      [id, reference, userId, wallet.id, amount, wallet.currency, ctx.config.gatewayMode, checkoutUrl],
    );
    const row =
      rows[0] ?? (await tx.query<DepositRow>('SELECT * FROM wallets.deposits WHERE id = $1', [id])).rows[0];
    const body = view(row as DepositRow);
    await completeIdempotent(tx, claim, 201, body);
    return { status: 201, body };
  });
}

export async function getDeposit(ctx: AppContext, userId: string, id: string): Promise<DepositView> {
  const { rows } = await ctx.db.query<DepositRow>(
    'SELECT * FROM wallets.deposits WHERE id = $1 AND user_id = $2',
    [id, userId],
  );
  if (!rows[0]) throw notFound('Deposit');
  return view(rows[0]);
}

export async function findDepositByReference(ctx: AppContext, reference: string) {
  const { rows } = await ctx.db.query<DepositRow & { email?: string }>(
    'SELECT * FROM wallets.deposits WHERE reference = $1',
    [reference],
  );
  return rows[0];
}

export interface GatewayEvent {
  event: string;
  /** Set when the event was built from the gateway's verify answer, not received as a webhook. */
  via?: 'verify';
  data: {
    reference?: unknown;
    amount?: unknown;
    currency?: unknown;
    status?: unknown;
    id?: unknown;
    authorization?: unknown;
  };
}

export type WebhookOutcome =
  | 'credited'
  | 'duplicate'
  | 'flagged'
  | 'failed'
  | 'unknown_reference'
  | 'ignored';

/**
 * Receives a verified charge webhook: applies its event and logs the webhook
 * for operators in one transaction, so no deposit changes without its log
 * row (and a failed log write leaves the gateway to retry).
 */
export async function receiveChargeEvent(
  ctx: AppContext,
  body: { event?: string; data?: Record<string, unknown> },
): Promise<WebhookOutcome> {
  const event = { event: String(body.event ?? ''), data: body.data ?? {} };
  const limits = await limitsOfCredit(ctx, event);
  return ctx.db.transaction(async (tx) => {
    const outcome = await applyGatewayEventIn(ctx, tx, event, limits);
    await recordWebhook(tx, body, outcome);
    return outcome;
  });
}

/** Applies a verified gateway event in its own transaction (no webhook log). */
export async function applyGatewayEvent(ctx: AppContext, event: GatewayEvent): Promise<WebhookOutcome> {
  const limits = await limitsOfCredit(ctx, event);
  return ctx.db.transaction((tx) => applyGatewayEventIn(ctx, tx, event, limits));
}

/**
 * The balance-headroom legs of the credit a charge.success would make, read
 * before the event's transaction (opening a limit account is a transaction of
 * its own). The single-deposit limit was checked before the checkout.
 */
async function limitsOfCredit(ctx: AppContext, event: GatewayEvent): Promise<CreditLimits> {
  const reference = typeof event.data?.reference === 'string' ? event.data.reference : undefined;
  if (event.event !== 'charge.success' || !reference) return { legs: [] };
  const deposit = await findDepositByReference(ctx, reference);
  if (!deposit || !settleable(deposit.status, event.event)) return { legs: [] };
  return creditLimitsFor(ctx, deposit.user_id, deposit.currency.trim(), deposit.amount);
}

/**
 * The balance-headroom legs of crediting `amount` to a person (no
 * single-deposit check: the money has arrived), or why they may not receive
 * it at all. Read before the credit's transaction; every inbound path (card
 * deposits, bank transfers, an operator's credit from suspense) uses it.
 */
export async function creditLimitsFor(
  ctx: AppContext,
  userId: string,
  currency: string,
  amount: bigint,
): Promise<CreditLimits> {
  try {
    const charge = await chargeLimits(ctx, { creditor: userId }, currency, amount, { single: false });
    return { legs: charge.legs };
  } catch (error) {
    // A currency the person's tier does not allow: the money goes to suspense, flagged.
    if (error instanceof AppError && error.code === 'kyc_required') return { refused: error.message };
    throw error;
  }
}

/** The limit legs of a deposit's credit, or why its person may not receive it at all. */
export type CreditLimits = { legs: Leg[] } | { refused: string };

/**
 * Applies a verified gateway event in the caller's transaction. Only a
 * first-seen charge.success whose amount and currency match the deposit
 * credits the wallet (gateway clearing -> wallet), in the same transaction
 * that marks the deposit; a mismatch is flagged for an operator; a repeat
 * does nothing.
 */
async function applyGatewayEventIn(
  ctx: AppContext,
  tx: Tx,
  event: GatewayEvent,
  limits: CreditLimits,
): Promise<WebhookOutcome> {
  if (event.event !== 'charge.success' && event.event !== 'charge.failed') return 'ignored';
  const reference = typeof event.data?.reference === 'string' ? event.data.reference : undefined;
  if (!reference) return 'unknown_reference';
  const { rows } = await tx.query<DepositRow>(
    'SELECT * FROM wallets.deposits WHERE reference = $1 FOR UPDATE',
    [reference],
  );
  const deposit = rows[0];
  if (!deposit) return 'unknown_reference';
  if (!settleable(deposit.status, event.event)) return 'duplicate';
  if (event.event === 'charge.failed') {
    await setStatus(tx, deposit, 'failed', null, event);
    return 'failed';
  }
  const amount =
    typeof event.data.amount === 'number' && Number.isSafeInteger(event.data.amount)
      ? BigInt(event.data.amount)
      : null;
  const currency = event.data.currency;
  if (amount !== deposit.amount || currency !== deposit.currency.trim()) {
    const reason = `gateway reported ${String(event.data.amount)} ${String(currency)}, expected ${deposit.amount} ${deposit.currency}`;
    await setStatus(tx, deposit, 'flagged', reason, event);
    ctx.log.warn({ reference, reason }, 'deposit flagged: amount or currency mismatch');
    return 'flagged';
  }
  return (await settleDeposit(ctx, tx, deposit, limits, event)).outcome;
}

/** How settling a deposit went: credited, or flagged (with why; `inSuspense` when suspense holds the money). */
export interface Settlement {
  outcome: 'credited' | 'flagged';
  reason?: string;
  inSuspense: boolean;
  /** Flagged because the credit would pass the tier's maximum balance. */
  overLimit: boolean;
}

/**
 * Settles a pending deposit (read under its lock) whose money has arrived:
 * credits the wallet or holds the money in suspense (creditDeposit), marks the
 * deposit succeeded or flagged, and publishes deposit.succeeded, all in the
 * caller's transaction. Card deposits and bank transfers both end here.
 * `suspenseOnRefusal`: a wallet the ledger refuses (frozen, closed) sends the
 * money to suspense too, instead of leaving it in gateway clearing.
 */
export async function settleDeposit(
  ctx: AppContext,
  tx: Tx,
  deposit: DepositRow,
  limits: CreditLimits,
  event: GatewayEvent,
  options: CreditOptions = {},
): Promise<Settlement> {
  const reference = deposit.reference;
  const held = await creditDeposit(tx, deposit, limits, options);
  if (held) {
    await setStatus(tx, deposit, 'flagged', held.reason, event);
    ctx.log.warn(
      { reference, reason: held.reason },
      held.inSuspense ? 'deposit flagged: held in suspense' : 'deposit flagged: not credited',
    );
    return { outcome: 'flagged', ...held };
  }
  await setStatus(tx, deposit, 'succeeded', null, event);
  await publish(tx, {
    type: 'deposit.succeeded',
    key: deposit.id,
    userId: deposit.user_id,
    payload: {
      depositId: deposit.id,
      reference: deposit.reference,
      walletId: deposit.wallet_id,
      amount: deposit.amount,
      currency: deposit.currency.trim(),
    },
  });
  return { outcome: 'credited', inSuspense: false, overLimit: false };
}

/** What a credit adds to its ledger metadata (a bank transfer's channel and sender) and how it treats a refusal. */
export interface CreditOptions {
  metadata?: Record<string, unknown>;
  suspenseOnRefusal?: boolean;
}

/**
 * Credits the wallet (gateway clearing -> wallet, with its balance-headroom
 * legs), or, when the person may not hold it (over the maximum balance, a
 * currency their tier does not allow), suspense: the money is kept visible to
 * operators, never lost, never over the cap. Returns why the deposit is
 * flagged and where the money is, or undefined when the wallet got it.
 */
async function creditDeposit(
  tx: Tx,
  deposit: DepositRow,
  limits: CreditLimits,
  options: CreditOptions,
): Promise<{ reason: string; inSuspense: boolean; overLimit: boolean } | undefined> {
  const currency = deposit.currency.trim();
  const item = (step: string, to: Leg[]): LedgerItem => ({
    id: uuidv5(`${step}:${deposit.id}`, DEPOSIT_NAMESPACE),
    kind: 'transfer',
    currency,
    code: 'deposit',
    legs: [
      { accountId: systemAccountId('gateway_clearing', currency), side: 'D', amount: deposit.amount },
      ...to,
    ],
    metadata: {
      description: 'Wallet funding',
      reference: deposit.reference,
      depositId: deposit.id,
      ...options.metadata,
    },
  });
  let why: string;
  let overLimit = false;
  if ('refused' in limits) why = limits.refused;
  else {
    const wallet: Leg = { accountId: deposit.wallet_id, side: 'C', amount: deposit.amount };
    const [result] = await createTransactions(tx, [item('deposit', [wallet, ...limits.legs])]);
    if (result?.ok) return undefined;
    if (result?.code === 'credit_limit_exceeded') {
      why = 'the credit would pass the maximum balance of the account tier';
      overLimit = true;
    } else if (options.suspenseOnRefusal) why = `ledger refused the credit: ${result?.code}`;
    // A frozen or closed wallet: flagged, the money stays in gateway clearing for an operator.
    else return { reason: `ledger refused the credit: ${result?.code}`, inSuspense: false, overLimit: false };
  }
  const suspense: Leg = {
    accountId: systemAccountId('suspense', currency),
    side: 'C',
    amount: deposit.amount,
  };
  const [held] = await createTransactions(tx, [item('deposit-suspense', [suspense])]);
  if (!held?.ok) throw new Error(`deposit ${deposit.id}: suspense credit refused: ${held?.code}`);
  return { reason: `${why}; held in suspense for an operator`, inSuspense: true, overLimit };
}

/** Settles a deposit from the status read under its lock, as deposit-states.ts allows (else throws). */
async function setStatus(
  tx: Tx,
  deposit: DepositRow,
  status: DepositStatus,
  reason: string | null,
  event: GatewayEvent,
) {
  await transitionRow(tx, depositStates, {
    table: 'wallets.deposits',
    id: deposit.id,
    from: deposit.status,
    to: status,
    set: {
      flag_reason: (v) => `${v(reason)}::text`,
      gateway_event: (v) => `${v(JSON.stringify(event))}::jsonb`,
      updated_at: 'now()',
    },
  });
}

export async function listFlaggedDeposits(ctx: AppContext, limit = 100) {
  const { rows } = await ctx.db.query<DepositRow & { flag_reason: string }>(
    `SELECT * FROM wallets.deposits WHERE status = 'flagged' ORDER BY created_at DESC LIMIT $1`,
    [Math.min(limit, 100)],
  );
  return rows.map((r) => ({ ...view(r), userId: r.user_id, reason: r.flag_reason }));
}

/** A card charge started without a checkout (auto top-up): what its pending deposit records. */
export interface CardChargeDeposit {
  id: string;
  reference: string;
  userId: string;
  walletId: string;
  amount: bigint;
  currency: string;
}

/**
 * Records the pending deposit of a card charge we start ourselves (a saved
 * card charged again), in the caller's transaction, before the gateway is
 * asked: its webhook, or the verify task, settles it exactly as a checkout's.
 * Idempotent by id.
 */
export async function insertCardChargeDeposit(ctx: AppContext, tx: Tx, d: CardChargeDeposit): Promise<void> {
  if (d.amount < MIN_DEPOSIT || d.amount > MAX_DEPOSIT)
    throw new AppError('amount_out_of_range', 'The charge is out of the deposit range');
  await tx.query(
    `INSERT INTO wallets.deposits (id, reference, user_id, wallet_id, amount, currency, gateway, checkout_url)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL) ON CONFLICT (id) DO NOTHING`,
    [d.id, d.reference, d.userId, d.walletId, d.amount, d.currency, ctx.config.gatewayMode],
  );
}

/** A settled card deposit's reusable authorization (Paystack's `authorization` object), when its charge gave one. */
export async function depositAuthorization(
  db: Queryable,
  depositId: string,
): Promise<{ userId: string; authorization: Record<string, unknown> } | undefined> {
  const { rows } = await db.query<{ user_id: string; authorization: Record<string, unknown> | null }>(
    `SELECT user_id, gateway_event -> 'data' -> 'authorization' AS authorization
       FROM wallets.deposits WHERE id = $1 AND status = 'succeeded'`,
    [depositId],
  );
  const row = rows[0];
  if (!row?.authorization || typeof row.authorization !== 'object') return undefined;
  return { userId: row.user_id, authorization: row.authorization };
}

/** The status of deposits by id (auto top-up shows its charges' outcome from them). */
export async function depositStatuses(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, DepositStatus>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; status: DepositStatus }>(
    'SELECT id, status FROM wallets.deposits WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** The id of a person's first successful deposit (the earliest), if any. */
export async function firstSucceededDeposit(db: Queryable, userId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM wallets.deposits WHERE user_id = $1 AND status = 'succeeded' ORDER BY created_at, id LIMIT 1`,
    [userId],
  );
  return rows[0]?.id;
}
