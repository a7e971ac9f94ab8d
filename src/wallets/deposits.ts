import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { getUser } from '../identity/index.js';
import { createTransactions } from '../ledger/index.js';
import { publish } from '../outbox/index.js';
import { type DepositStatus, depositStates } from './deposit-states.js';
import { newDepositReference, startCheckout } from './gateway.js';
import { recordWebhook } from './gateway-webhooks.js';
import { systemAccountId } from './system-accounts.js';
import { getOwnWallet } from './wallets.js';

const DEPOSIT_NAMESPACE = '9a7c5e3b-1d2f-4a6b-8c0e-2f4a6c8e0b1d';
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

interface DepositRow {
  id: string;
  reference: string;
  user_id: string;
  wallet_id: string;
  amount: bigint;
  currency: string;
  status: DepositView['status'];
  checkout_url: string;
  created_at: Date;
}

const view = (r: DepositRow): DepositView => ({
  id: r.id,
  reference: r.reference,
  walletId: r.wallet_id,
  amount: r.amount,
  currency: r.currency.trim(),
  status: r.status,
  checkoutUrl: r.checkout_url,
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
  data: { reference?: unknown; amount?: unknown; currency?: unknown; status?: unknown; id?: unknown };
}

export type WebhookOutcome =
  | 'credited'
  | 'duplicate'
  | 'flagged'
  | 'failed'
  | 'unknown_reference'
  | 'ignored';

/**
 * Receives a verified gateway webhook: applies its event and logs the webhook
 * for operators in one transaction, so no deposit changes without its log
 * row (and a failed log write leaves the gateway to retry).
 */
export async function receiveGatewayWebhook(
  ctx: AppContext,
  body: { event?: string; data?: Record<string, unknown> },
): Promise<WebhookOutcome> {
  const event = { event: String(body.event ?? ''), data: body.data ?? {} };
  return ctx.db.transaction(async (tx) => {
    const outcome = await applyGatewayEventIn(ctx, tx, event);
    await recordWebhook(tx, body, outcome);
    return outcome;
  });
}

/** Applies a verified gateway event in its own transaction (no webhook log). */
export async function applyGatewayEvent(ctx: AppContext, event: GatewayEvent): Promise<WebhookOutcome> {
  return ctx.db.transaction((tx) => applyGatewayEventIn(ctx, tx, event));
}

/**
 * Applies a verified gateway event in the caller's transaction. Only a
 * first-seen charge.success whose amount and currency match the deposit
 * credits the wallet (gateway clearing -> wallet), in the same transaction
 * that marks the deposit; a mismatch is flagged for an operator; a repeat
 * does nothing.
 */
async function applyGatewayEventIn(ctx: AppContext, tx: Tx, event: GatewayEvent): Promise<WebhookOutcome> {
  if (event.event !== 'charge.success' && event.event !== 'charge.failed') return 'ignored';
  const reference = typeof event.data?.reference === 'string' ? event.data.reference : undefined;
  if (!reference) return 'unknown_reference';
  const { rows } = await tx.query<DepositRow>(
    'SELECT * FROM wallets.deposits WHERE reference = $1 FOR UPDATE',
    [reference],
  );
  const deposit = rows[0];
  if (!deposit) return 'unknown_reference';
  if (deposit.status !== 'pending') return 'duplicate';
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
  const [result] = await createTransactions(tx, [
    {
      id: uuidv5(`deposit:${deposit.id}`, DEPOSIT_NAMESPACE),
      kind: 'transfer',
      currency: deposit.currency.trim(),
      code: 'deposit',
      legs: [
        {
          accountId: systemAccountId('gateway_clearing', deposit.currency.trim()),
          side: 'D',
          amount: deposit.amount,
        },
        { accountId: deposit.wallet_id, side: 'C', amount: deposit.amount },
      ],
      metadata: { description: 'Wallet funding', reference: deposit.reference, depositId: deposit.id },
    },
  ]);
  if (!result?.ok) {
    // A frozen or closed wallet: keep the money visible to operators, never lose it.
    await setStatus(tx, deposit, 'flagged', `ledger refused the credit: ${result?.code}`, event);
    return 'flagged';
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
  return 'credited';
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
