/**
 * What a dispute needs to know of a deposit, withdrawal or transfer: whose it
 * is, what it moved, whether money is still in flight or already back, where
 * a refund's money would come from, and its timeline and postings for the
 * operator. Read-only; the disputes module books any refund itself.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { getAccounts, getTransaction, getTransactionPostings } from '../ledger/index.js';
import { DEPOSIT_NAMESPACE, type DepositRow } from './deposits.js';
import { systemAccountId } from './system-accounts.js';
import { reviewHoldId } from './transfer-review.js';
import { WITHDRAWAL_NAMESPACE, type WithdrawalRow } from './withdrawals.js';

/** Where the money of a disputed movement stands. */
export type MoneyState =
  /** Not final yet (a pending deposit, a payout still with the bank, a transfer held for review). */
  | 'in_flight'
  /** The money already came back (a failed or reversed withdrawal) or reached the wallet (a credited deposit). */
  | 'money_back'
  /** Final, and the customer may be owed money: a refund is possible. */
  | 'refundable';

export interface RefundSource {
  accountId: string;
  amount: bigint;
  /** The ledger account type, for the operator's view and the audit row. */
  type: 'suspense' | 'fee_revenue' | 'provider_float' | 'payout_clearing';
}

export interface WalletSubject {
  type: 'deposit' | 'withdrawal' | 'transfer';
  id: string;
  userId: string;
  walletId: string;
  amount: bigint;
  currency: string;
  status: string;
  money: MoneyState;
  /** The legs a refund debits (they sum to what the wallet is credited). */
  refundFrom: RefundSource[];
  timeline: { status: string; at: string; reason?: string }[];
  postings: {
    transactionId: string;
    accountId: string;
    accountName: string;
    side: string;
    pending: boolean;
    amount: bigint;
    createdAt: string;
  }[];
  createdAt: string;
}

async function postingsOf(ctx: AppContext, ids: string[]) {
  const postings = await getTransactionPostings(ctx.db, ids);
  const accounts = await getAccounts(ctx.db, [...new Set(postings.map((p) => p.accountId))]);
  return postings.map((p) => ({
    ...p,
    accountName: accounts.get(p.accountId)?.name ?? p.accountId,
    createdAt: p.createdAt.toISOString(),
  }));
}

async function depositSubject(ctx: AppContext, id: string): Promise<WalletSubject | undefined> {
  const { rows } = await ctx.db.query<DepositRow & { flag_reason: string | null; updated_at: Date }>(
    'SELECT * FROM wallets.deposits WHERE id = $1',
    [id],
  );
  const d = rows[0];
  if (!d) return undefined;
  const currency = d.currency.trim();
  const money: MoneyState =
    d.status === 'pending' ? 'in_flight' : d.status === 'succeeded' ? 'money_back' : 'refundable';
  const timeline = [{ status: 'pending', at: d.created_at.toISOString() }];
  if (d.status !== 'pending')
    timeline.push({
      status: d.status,
      at: d.updated_at.toISOString(),
      ...(d.flag_reason ? { reason: d.flag_reason } : {}),
    });
  return {
    type: 'deposit',
    id: d.id,
    userId: d.user_id,
    walletId: d.wallet_id,
    amount: d.amount,
    currency,
    status: d.status,
    money,
    // Money the customer says they paid but the wallet never got: suspense holds unmatched money.
    refundFrom: [{ accountId: systemAccountId('suspense', currency), amount: d.amount, type: 'suspense' }],
    timeline,
    postings: await postingsOf(
      ctx,
      ['deposit', 'deposit-suspense'].map((step) => uuidv5(`${step}:${d.id}`, DEPOSIT_NAMESPACE)),
    ),
    createdAt: d.created_at.toISOString(),
  };
}

async function withdrawalSubject(ctx: AppContext, id: string): Promise<WalletSubject | undefined> {
  const { rows } = await ctx.db.query<WithdrawalRow>('SELECT * FROM wallets.withdrawals WHERE id = $1', [id]);
  const w = rows[0];
  if (!w) return undefined;
  const currency = w.currency.trim();
  const money: MoneyState =
    w.status === 'succeeded'
      ? 'refundable'
      : w.status === 'failed' || w.status === 'reversed'
        ? 'money_back'
        : 'in_flight';
  const refundFrom: RefundSource[] = [
    // The bank says it paid: the claim against the payout provider is carried in suspense until recovered.
    { accountId: systemAccountId('suspense', currency), amount: w.amount, type: 'suspense' },
    ...(w.fee > 0n
      ? [{ accountId: systemAccountId('fee_revenue', currency), amount: w.fee, type: 'fee_revenue' as const }]
      : []),
  ];
  const ids = [
    w.hold_id,
    ...['post', 'void', 'reversal', 'reversal-suspense'].map((s) =>
      uuidv5(`${s}:${w.hold_id}`, WITHDRAWAL_NAMESPACE),
    ),
  ];
  return {
    type: 'withdrawal',
    id: w.id,
    userId: w.user_id,
    walletId: w.wallet_id,
    amount: w.amount + w.fee,
    currency,
    status: w.status,
    money,
    refundFrom,
    timeline: w.timeline,
    postings: await postingsOf(ctx, ids),
    createdAt: w.created_at.toISOString(),
  };
}

/** A transfer is its ledger transaction (the sender's wallet debited); one held for review is in flight. */
async function transferSubject(ctx: AppContext, id: string): Promise<WalletSubject | undefined> {
  const done = await getTransaction(ctx.db, id);
  const heldId = reviewHoldId(id);
  const held = done ? undefined : await getTransaction(ctx.db, heldId);
  const txId = done ? id : held ? heldId : undefined;
  if (!txId) return undefined;
  const postings = await postingsOf(ctx, [txId]);
  const accounts = await getAccounts(ctx.db, [...new Set(postings.map((p) => p.accountId))]);
  // The sender's wallet is the debited user wallet (the limit-control legs are not wallets).
  const debit = postings.find((p) => p.side === 'D' && accounts.get(p.accountId)?.type === 'user_wallet');
  const wallet = debit && accounts.get(debit.accountId);
  if (!debit || !wallet?.ownerId) return undefined;
  const currency = wallet.currency.trim();
  return {
    type: 'transfer',
    id,
    userId: wallet.ownerId,
    walletId: debit.accountId,
    amount: debit.amount,
    currency,
    status: done ? 'completed' : 'pending_review',
    money: done ? 'refundable' : 'in_flight',
    // Sent to another person: a refund (fraud, a mistake Vendra made) is Vendra's loss, carried in suspense.
    refundFrom: [
      { accountId: systemAccountId('suspense', currency), amount: debit.amount, type: 'suspense' },
    ],
    timeline: [{ status: done ? 'completed' : 'pending_review', at: debit.createdAt }],
    postings,
    createdAt: debit.createdAt,
  };
}

/** A deposit, withdrawal or transfer as a dispute sees it, or undefined when there is none with that id. */
export async function walletSubject(
  ctx: AppContext,
  type: WalletSubject['type'],
  id: string,
): Promise<WalletSubject | undefined> {
  if (type === 'deposit') return depositSubject(ctx, id);
  if (type === 'withdrawal') return withdrawalSubject(ctx, id);
  return transferSubject(ctx, id);
}
