import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { transitionRow } from '../db/state-machine.js';
import { assertCanDebit, chargeLimits } from '../kyc/index.js';
import {
  type CaseRef,
  type HoldResolver,
  type RiskAttempt,
  type RiskVerdict,
  riskBlocked,
  riskChecker,
  riskDebitsWriter,
} from '../risk/index.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { createTransactions, type LedgerItem, type Leg } from '../ledger/index.js';
import { type OutboxEvent, publish } from '../outbox/index.js';
import { backoff, decidePayout } from './payout-decision.js';
import { findBank, resolveAccountName } from './banks.js';
import type { PayoutProvider, PayoutResult } from './payouts.js';
import { maskAccountNumber } from './history.js';
import { ledgerRefusal, storeRefusal } from './problems.js';
import { systemAccountId } from './system-accounts.js';
import { getOwnWallet } from './wallets.js';
import { MAX_WITHDRAWAL, MIN_WITHDRAWAL, withdrawalFee } from './withdrawal-fees.js';
import { type WithdrawalStatus, withdrawalStates } from './withdrawal-states.js';

export type { WithdrawalStatus } from './withdrawal-states.js';

export const WITHDRAWAL_NAMESPACE = '2e4c6a8b-0d1f-4b3d-9e5f-7a9c1e3b5d7f';
const NAMESPACE = WITHDRAWAL_NAMESPACE;
export { NEEDS_REVIEW_AFTER_MS, NOT_FOUND_GRACE_MS } from './payout-decision.js';
export { MAX_WITHDRAWAL, MIN_WITHDRAWAL, withdrawalFee } from './withdrawal-fees.js';

export interface WithdrawalRow {
  id: string;
  reference: string;
  user_id: string;
  wallet_id: string;
  amount: bigint;
  fee: bigint;
  currency: string;
  bank_code: string;
  account_number: string;
  account_name: string;
  narration: string;
  status: WithdrawalStatus;
  hold_id: string;
  sent_at: Date | null;
  failure_reason: string | null;
  timeline: { status: string; at: string; reason?: string }[];
  created_at: Date;
  updated_at: Date;
}

export const withdrawalView = (r: WithdrawalRow) => ({
  id: r.id,
  reference: r.reference,
  walletId: r.wallet_id,
  status: r.status,
  amount: r.amount,
  fee: r.fee,
  total: r.amount + r.fee,
  currency: r.currency.trim(),
  bankCode: r.bank_code,
  accountNumber: r.account_number,
  accountName: r.account_name,
  narration: r.narration,
  failureReason: r.failure_reason,
  timeline: r.timeline,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The hold met a limit: nothing moved, and the refusal is explained after the transaction. */
const LIMIT_REFUSED = Symbol('limit refused');

export interface WithdrawalInput {
  walletId: string;
  amount: bigint;
  bankCode: string;
  accountNumber: string;
  narration?: string;
}

/**
 * Accepts a withdrawal: one transaction places a hold for amount + fee
 * (wallet -> payout clearing and fee revenue), stores the withdrawal and
 * enqueues the payout job. The money leaves only when the payout succeeds.
 */
export async function requestWithdrawal(
  ctx: AppContext,
  userId: string,
  input: WithdrawalInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  const w = await prepareWithdrawal(ctx, userId, input, claim);
  const result = await ctx.db.transaction((tx) => placeWithdrawal(tx, w, claim));
  if (result === LIMIT_REFUSED) return storeRefusal(ctx, claim, await w.limits.refusal());
  if ('action' in result) return storeRefusal(ctx, claim, riskBlocked(result.fired, result.caseId));
  return result;
}

/** Everything a withdrawal needs decided before its transaction: checks, fee, limit legs, ids. */
async function prepareWithdrawal(
  ctx: AppContext,
  userId: string,
  input: WithdrawalInput,
  claim: IdempotencyClaim,
) {
  if (input.amount < MIN_WITHDRAWAL || input.amount > MAX_WITHDRAWAL) {
    throw new AppError(
      'amount_out_of_range',
      `A withdrawal must be between ${MIN_WITHDRAWAL} and ${MAX_WITHDRAWAL} minor units`,
    );
  }
  // Bank and name first: an outage of the bank service stores nothing (503 bank_unavailable).
  const accountName = await resolveAccountName(ctx, input.bankCode, input.accountNumber);
  const bank = await findBank(ctx, input.bankCode);
  if (!bank) throw new AppError('unknown_bank', 'Unknown bank code; see GET /v1/banks');
  if (!accountName) throw new AppError('account_not_resolved', 'The bank does not know this account number');
  const wallet = await getOwnWallet(ctx.db, userId, input.walletId);
  await assertCanDebit(ctx, userId, wallet.id); // post-no-debit (person or wallet): nothing leaves it
  if (wallet.currency !== 'NGN')
    throw new AppError('unsupported_currency', 'Withdrawals go to Nigerian banks in NGN');
  const fee = withdrawalFee(input.amount);
  // Amount and fee count against the daily limit while held; a failed payout (void) gives them back.
  const limits = await chargeLimits(ctx, { debtor: userId }, wallet.currency, input.amount + fee);
  // Ids derived from the idempotency key: a retry that takes over a stale claim
  // meets the first attempt's hold and returns its withdrawal, never a second payout.
  const id = uuidv5(`withdrawal-id:${claim.scope}:${claim.key}`, NAMESPACE);
  const attempt: RiskAttempt = {
    userId,
    kind: 'withdrawal',
    amount: input.amount + fee,
    currency: wallet.currency,
    counterparty: `bank:${input.bankCode}:${input.accountNumber}`,
    reference: id,
    at: new Date(),
  };
  return {
    id,
    holdId: uuidv5(`withdrawal:${claim.scope}:${claim.key}`, NAMESPACE),
    reference: `VWD-${id.replaceAll('-', '').slice(0, 20).toUpperCase()}`,
    userId,
    input,
    wallet,
    fee,
    accountName,
    bankName: bank.name,
    limits,
    attempt,
  };
}

type Prepared = Awaited<ReturnType<typeof prepareWithdrawal>>;

/**
 * In one transaction: the risk rules (under the person's lock), the hold,
 * the withdrawal and its payout job, the idempotent answer. A withdrawal the
 * rules hold waits in pending_review, its money held, with no payout job
 * until an operator releases it. A block commits only its case.
 */
async function placeWithdrawal(
  tx: Tx,
  w: Prepared,
  claim: IdempotencyClaim,
): Promise<IdempotentResult | RiskVerdict | typeof LIMIT_REFUSED> {
  const [verdict] = (await riskChecker(tx, [w.attempt])) as (RiskVerdict | undefined)[];
  if (verdict?.action === 'block') return verdict;
  const [hold] = await createTransactions(tx, [holdItem(w)]);
  if (hold?.code === 'credit_limit_exceeded') return LIMIT_REFUSED; // told after, outside this transaction
  if (!hold?.ok) {
    const refusal = ledgerRefusal(hold?.code ?? 'insufficient_funds');
    await completeIdempotent(tx, claim, refusal.status, refusal.body);
    return refusal;
  }
  if (hold.replayed) {
    const existing = await load(tx, w.id);
    if (!existing) throw new Error(`withdrawal ${w.id}: hold exists without its withdrawal`);
    const body = withdrawalView(existing);
    await completeIdempotent(tx, claim, 202, body);
    return { status: 202, body };
  }
  const status: WithdrawalStatus = verdict?.action === 'hold' ? 'pending_review' : 'pending';
  const row = await insertWithdrawal(tx, w, status);
  if (status === 'pending')
    await publish(tx, {
      type: 'withdrawal.requested',
      key: w.id,
      userId: w.userId,
      payload: { withdrawalId: w.id },
    });
  const { at: _at, ...debit } = w.attempt;
  await riskDebitsWriter(tx, [debit]);
  const body = { ...withdrawalView(row), ...(verdict ? { caseId: verdict.caseId } : {}) };
  await completeIdempotent(tx, claim, 202, body);
  return { status: 202, body };
}

function holdItem(w: Prepared): LedgerItem {
  const currency = w.wallet.currency;
  return {
    id: w.holdId,
    kind: 'hold',
    currency,
    code: 'withdrawal',
    legs: [
      { accountId: w.wallet.id, side: 'D', amount: w.input.amount + w.fee },
      { accountId: systemAccountId('payout_clearing', currency), side: 'C', amount: w.input.amount },
      { accountId: systemAccountId('fee_revenue', currency), side: 'C', amount: w.fee },
      ...w.limits.legs,
    ],
    metadata: {
      description: `Withdrawal to ${w.accountName} (${maskAccountNumber(w.input.accountNumber)})`,
      reference: w.reference,
      withdrawalId: w.id,
      bank: { code: w.input.bankCode, name: w.bankName },
      accountNumber: maskAccountNumber(w.input.accountNumber),
      fee: w.fee.toString(),
      counterparty: { name: w.accountName },
    },
  };
}

async function insertWithdrawal(tx: Tx, w: Prepared, status: WithdrawalStatus): Promise<WithdrawalRow> {
  const { rows } = await tx.query<WithdrawalRow>(
    `INSERT INTO wallets.withdrawals (id, reference, user_id, wallet_id, amount, fee, currency, bank_code,
       account_number, account_name, narration, hold_id, timeline, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
    [
      w.id,
      w.reference,
      w.userId,
      w.wallet.id,
      w.input.amount,
      w.fee,
      w.wallet.currency,
      w.input.bankCode,
      w.input.accountNumber,
      w.accountName,
      (w.input.narration ?? '').slice(0, 140),
      w.holdId,
      JSON.stringify([{ status, at: new Date().toISOString() }]),
      status,
    ],
  );
  return rows[0] as WithdrawalRow;
}

/**
 * The risk module's resolver for withdrawals held for review (registered by
 * the composition root): release starts the payout, refuse voids the hold.
 */
export const withdrawalReviewResolver: HoldResolver = {
  async release(tx, _ctx, ref) {
    const w = await reviewed(tx, ref);
    await transition(tx, w, 'pending', 'released after review');
    await publish(tx, {
      type: 'withdrawal.requested',
      key: w.id,
      userId: w.user_id,
      payload: { withdrawalId: w.id },
    });
  },
  async refuse(tx, _ctx, ref) {
    const w = await reviewed(tx, ref);
    const [r] = await createTransactions(tx, [
      {
        id: uuidv5(`void:${w.hold_id}`, NAMESPACE),
        kind: 'void',
        pendingId: w.hold_id,
        code: 'withdrawal_reversal',
      },
    ]);
    if (!r?.ok) throw new Error(`withdrawal ${w.id}: ledger refused void: ${r?.code}`);
    await transition(tx, w, 'failed', 'refused after review');
  },
};

async function reviewed(tx: Tx, ref: CaseRef): Promise<WithdrawalRow> {
  const w = ref.references[0] ? await load(tx, ref.references[0], true) : undefined;
  if (w?.status !== 'pending_review')
    throw new AppError('not_found', 'No withdrawal of this case awaits review');
  return w;
}

export async function getWithdrawal(ctx: AppContext, userId: string, id: string) {
  const { rows } = await ctx.db.query<WithdrawalRow>(
    'SELECT * FROM wallets.withdrawals WHERE id = $1 AND user_id = $2',
    [id, userId],
  );
  if (!rows[0]) throw notFound('Withdrawal');
  return withdrawalView(rows[0]);
}

export async function load(tx: Tx, id: string, lock = false): Promise<WithdrawalRow | undefined> {
  const { rows } = await tx.query<WithdrawalRow>(
    `SELECT * FROM wallets.withdrawals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

/** Moves a withdrawal from the status read under its lock, as withdrawal-states.ts allows (else throws). */
async function transition(tx: Tx, w: WithdrawalRow, status: WithdrawalStatus, reason?: string, sent = false) {
  const entry = { status, at: new Date().toISOString(), ...(reason ? { reason } : {}) };
  await transitionRow(tx, withdrawalStates, {
    table: 'wallets.withdrawals',
    id: w.id,
    from: w.status,
    to: status,
    set: {
      failure_reason: (v) =>
        `COALESCE(${v(status === 'failed' || status === 'reversed' ? (reason ?? null) : null)}::text, failure_reason)`,
      timeline: (v) => `timeline || ${v(JSON.stringify([entry]))}::jsonb`,
      sent_at: (v) => `CASE WHEN ${v(sent)}::boolean THEN now() ELSE sent_at END`,
      updated_at: 'now()',
    },
  });
  await publish(tx, {
    type: 'withdrawal.updated',
    key: w.id,
    userId: w.user_id,
    payload: { withdrawalId: w.id, walletId: w.wallet_id, status, reason: reason ?? null },
  });
}

/** A payout's definite end, as the provider tells it. */
export type PayoutEnd = 'succeeded' | 'failed' | 'reversed';
/** What a definite answer did: applied, already applied (a repeat), or contradicts what we recorded. */
export type SettleResult = 'applied' | 'duplicate' | 'conflict';

/** Sent and not yet final: a definite answer settles these. */
const IN_FLIGHT: readonly WithdrawalStatus[] = ['processing', 'needs_review'];

/** Answers that repeat what is recorded: (recorded status, answer). */
const REPEATS = new Set([
  'succeeded:succeeded',
  'reversed:succeeded',
  'reversed:reversed',
  'failed:failed',
  'failed:reversed',
]);

/**
 * Applies a definite provider answer to a withdrawal locked by the caller,
 * in its transaction: a sent payout that succeeded posts the hold; one that
 * failed (or was reversed before it was recorded as a success) voids it; a
 * success later reversed is refunded by a compensating transaction
 * (`refundLimitLegs`: the credit's balance-headroom legs, read before the
 * transaction). Each happens once: a repeat is a `duplicate`, an answer that
 * contradicts the record (a success after we refunded) a `conflict` for an
 * operator, never an edit.
 */
export async function settleIn(
  ctx: Pick<AppContext, 'log'>,
  tx: Tx,
  w: WithdrawalRow,
  end: PayoutEnd,
  reason?: string,
  refundLimitLegs: Leg[] = [],
): Promise<SettleResult> {
  if (IN_FLIGHT.includes(w.status)) {
    const post = end === 'succeeded';
    const item: LedgerItem = post
      ? { id: uuidv5(`post:${w.hold_id}`, NAMESPACE), kind: 'post', pendingId: w.hold_id, code: 'withdrawal' }
      : {
          id: uuidv5(`void:${w.hold_id}`, NAMESPACE),
          kind: 'void',
          pendingId: w.hold_id,
          code: 'withdrawal_reversal',
        };
    const [r] = await createTransactions(tx, [item]);
    if (!r?.ok) throw new Error(`withdrawal ${w.id}: ledger refused ${item.kind}: ${r?.code}`);
    await transition(tx, w, post ? 'succeeded' : 'failed', reason);
    return 'applied';
  }
  if (w.status === 'succeeded' && end === 'reversed') {
    await refundIn(ctx, tx, w, reason ?? 'The bank returned the payout', refundLimitLegs);
    return 'applied';
  }
  if (REPEATS.has(`${w.status}:${end}`)) return 'duplicate';
  ctx.log.error(
    { withdrawalId: w.id, status: w.status, answer: end },
    'payout answer contradicts the withdrawal: left for an operator',
  );
  return 'conflict';
}

/** Where the money a refund cannot give the wallet waits for an operator. */
const TO_SUSPENSE = new Set(['credit_limit_exceeded', 'account_frozen', 'account_closed']);

/**
 * The compensating transaction of a payout reversed after it succeeded:
 * payout clearing -> wallet for the amount and fee revenue -> wallet for
 * the fee, with an id derived from the hold so it happens once. A wallet
 * that cannot take it (over its maximum balance, frozen, closed) leaves it
 * in suspense, noted on the withdrawal: never lost, never over the cap.
 */
async function refundIn(
  ctx: Pick<AppContext, 'log'>,
  tx: Tx,
  w: WithdrawalRow,
  reason: string,
  limitLegs: Leg[],
) {
  const currency = w.currency.trim();
  const total = w.amount + w.fee;
  const item = (step: string, to: Leg[]): LedgerItem => ({
    id: uuidv5(`${step}:${w.hold_id}`, NAMESPACE),
    kind: 'transfer',
    currency,
    code: 'withdrawal_reversal',
    legs: [
      { accountId: systemAccountId('payout_clearing', currency), side: 'D', amount: w.amount },
      ...(w.fee > 0n
        ? [{ accountId: systemAccountId('fee_revenue', currency), side: 'D' as const, amount: w.fee }]
        : []),
      ...to,
    ],
    metadata: {
      description: 'Refund: the bank returned this withdrawal',
      reference: w.reference,
      withdrawalId: w.id,
      accountNumber: maskAccountNumber(w.account_number),
      counterparty: { name: w.account_name },
    },
  });
  const [r] = await createTransactions(tx, [
    item('reversal', [{ accountId: w.wallet_id, side: 'C', amount: total }, ...limitLegs]),
  ]);
  let why = reason;
  if (r?.code && TO_SUSPENSE.has(r.code)) {
    const [s] = await createTransactions(tx, [
      item('reversal-suspense', [
        { accountId: systemAccountId('suspense', currency), side: 'C', amount: total },
      ]),
    ]);
    if (!s?.ok) throw new Error(`withdrawal ${w.id}: ledger refused the suspense refund: ${s?.code}`);
    why = `${reason}; the wallet could not take the refund (${r.code}): held in suspense for an operator`;
    ctx.log.warn({ withdrawalId: w.id, code: r.code }, 'withdrawal refund held in suspense');
  } else if (!r?.ok) throw new Error(`withdrawal ${w.id}: ledger refused the refund: ${r?.code}`);
  await transition(tx, w, 'reversed', why);
}

/** The balance-headroom legs of a reversed payout's refund (read before its transaction). */
export async function refundLimitLegs(ctx: AppContext, w: WithdrawalRow): Promise<Leg[]> {
  try {
    const charge = await chargeLimits(ctx, { creditor: w.user_id }, w.currency.trim(), w.amount + w.fee, {
      single: false,
    });
    return charge.legs;
  } catch (error) {
    // A currency the tier no longer allows: the refund goes without headroom legs (it is no new deposit).
    if (error instanceof AppError && error.code === 'kyc_required') return [];
    throw error;
  }
}

/** settleIn in a transaction of its own, under the withdrawal's lock. */
async function finish(ctx: AppContext, w: WithdrawalRow, end: 'succeeded' | 'failed', reason?: string) {
  await ctx.db.transaction(async (tx) => {
    const current = await load(tx, w.id, true);
    if (current) await settleIn(ctx, tx, current, end, reason);
  });
}

const DONE: readonly WithdrawalStatus[] = [
  'succeeded',
  'failed',
  'needs_review',
  'pending_review',
  'reversed',
];

/**
 * The payout job (outbox consumer). Registers the account with the provider,
 * then sends once; after that only requeries: a payout whose answer was lost
 * is never sent again (and were it, the same reference could not pay twice).
 * Unknown outcomes are retried with backoff and go to an operator after
 * NEEDS_REVIEW_AFTER_MS. The webhooks settle most payouts before a requery.
 */
export async function runPayout(
  ctx: AppContext,
  payouts: PayoutProvider,
  event: OutboxEvent,
  attempt: number,
) {
  const { withdrawalId } = event.payload as { withdrawalId: string };
  const w = await load(ctx.db, withdrawalId);
  if (!w || DONE.includes(w.status)) return { status: 'done' as const };

  let result: PayoutResult;
  if (!w.sent_at) {
    const account = { bankCode: w.bank_code, accountNumber: w.account_number, accountName: w.account_name };
    // Nothing is sent until the provider knows the account: a refusal here is definite, an outage waits.
    const notReady = await payouts.prepare?.(account);
    if (notReady?.outcome === 'failed') {
      await ctx.db.transaction(async (tx) => {
        const current = await load(tx, w.id, true);
        if (current?.status !== 'pending') return;
        await transition(tx, current, 'processing');
        await settleIn(ctx, tx, { ...current, status: 'processing' }, 'failed', notReady.message);
      });
      return { status: 'done' as const };
    }
    if (notReady)
      return { status: 'retry' as const, delayMs: backoff(attempt), reason: 'provider not ready' };
    // Record that we are about to send before sending: a crash after this point requeries.
    const claimed = await ctx.db.transaction(async (tx) => {
      const current = await load(tx, w.id, true);
      if (!current || current.sent_at) return false;
      await transition(tx, current, 'processing', undefined, true);
      return true;
    });
    if (!claimed) return { status: 'retry' as const, delayMs: 0 };
    result = await payouts.send({
      ...account,
      reference: w.reference,
      amount: w.amount,
      reason: reasonOf(w),
    });
  } else {
    result = await payouts.requery(w.reference);
  }
  return applyDecision(ctx, w, result, attempt);
}

/** The transfer's narration at the bank: the customer's own, else ours. */
const reasonOf = (w: WithdrawalRow) => w.narration || `Vendra withdrawal ${w.reference}`;

/** What decidePayout says to do with an answer, done. */
export async function applyDecision(
  ctx: AppContext,
  w: WithdrawalRow,
  result: PayoutResult,
  attempt: number,
) {
  const ageMs = Date.now() - (w.sent_at?.getTime() ?? Date.now());
  const action = decidePayout(result, ageMs, attempt);
  switch (action.kind) {
    case 'succeed':
      await finish(ctx, w, 'succeeded');
      return { status: 'done' as const };
    case 'fail':
      await finish(ctx, w, 'failed', action.reason);
      return { status: 'done' as const };
    case 'review':
      await toReview(ctx, w.id, action.reason);
      return { status: 'done' as const };
    case 'retry':
      return { status: 'retry' as const, delayMs: action.delayMs, reason: action.reason };
  }
}

/** Unresolved too long: an operator's, hold kept. */
async function toReview(ctx: AppContext, withdrawalId: string, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const current = await load(tx, withdrawalId, true);
    if (current) await reviewIn(tx, current, reason);
  });
}

/** Moves a locked withdrawal to needs_review (hold kept) when its state allows it. */
export async function reviewIn(tx: Tx, w: WithdrawalRow, reason: string): Promise<boolean> {
  if (!withdrawalStates.allows(w.status, 'needs_review')) return false;
  await transition(tx, w, 'needs_review', reason);
  return true;
}
