/**
 * Operators work disputes: take one for review, requery its bill payment,
 * and resolve it: refunded (a compensating ledger transaction from the right
 * account -> the customer's wallet, at most once per subject), rejected with
 * a reason, or delivered (the bill's token sent again). Authorization is the
 * route's; each change commits with its audit row, message and the
 * customer's notification in one transaction.
 */
import { v5 as uuidv5 } from 'uuid';
import { checkPayment, createNotifier, markRefundedByOperator, resendToken } from '../bills/index.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { InvalidTransition, transitionRow } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { completeIdempotent, type IdempotencyClaim, type IdempotentResult } from '../idempotency/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { chargeLimits } from '../kyc/index.js';
import { createTransactions, type Leg, type LedgerItem } from '../ledger/index.js';
import { addMessage, type DisputeRow, loadDispute, notOpen, publishUpdate } from './disputes.js';
import { adminDisputeDetail } from './admin-detail.js';
import { type DisputeStatus, disputeStates, OPEN_STATUSES } from './states.js';
import { findSubject, type Subject } from './subjects.js';

const NAMESPACE = 'b3d1f7a2-5c4e-4e8b-9a61-2f0c7d9e4b15';

/** The refund's ledger id: one per subject, whichever dispute asks. */
export const refundTransactionId = (s: Pick<Subject, 'type' | 'id'>) =>
  uuidv5(`dispute-refund:${s.type}:${s.id}`, NAMESPACE);

export type Outcome = 'refund' | 'reject' | 'delivered';
const STATUS_OF: Record<Outcome, DisputeStatus> = {
  refund: 'resolved_refunded',
  reject: 'resolved_rejected',
  delivered: 'resolved_delivered',
};

const naira = (minor: bigint, currency: string) =>
  `${currency === 'NGN' ? '₦' : `${currency} `}${(Number(minor) / 100).toFixed(2)}`;

/** Locks an open dispute; an opened one moves to under_review first (both moves table-checked). */
async function lockForWork(tx: Tx, id: string): Promise<DisputeRow> {
  const d = await loadDispute(tx, id, true);
  if (!d) throw notFound('Dispute');
  if (!OPEN_STATUSES.includes(d.status)) throw notOpen(d);
  if (d.status === 'opened') {
    await transitionRow(tx, disputeStates, {
      table: 'disputes.disputes',
      id,
      from: 'opened',
      to: 'under_review',
      set: { updated_at: 'now()' },
    });
    return { ...d, status: 'under_review' };
  }
  return d;
}

/** An operator takes an opened dispute for review. */
export async function startReview(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadDispute(tx, id, true);
    if (!before) throw notFound('Dispute');
    if (before.status !== 'opened') throw notOpen(before);
    const d = await lockForWork(tx, id);
    await addMessage(tx, id, 'system', null, 'An operator is looking into your complaint');
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'dispute.review',
      targetType: 'dispute',
      targetId: id,
      before: { status: before.status },
      after: { status: d.status },
      requestId: actor.requestId,
    });
    await publishUpdate(tx, d, d.status, 'Your complaint is under review');
  });
  return adminDisputeDetail(ctx, id);
}

/** Asks the bill provider about the disputed payment now (and applies its answer, as bills does). */
export async function requeryDispute(ctx: AppContext, id: string) {
  const d = await loadDispute(ctx.db, id);
  if (!d) throw notFound('Dispute');
  if (d.subject_type !== 'bill_payment')
    throw new AppError('bad_request', 'Only a bill payment can be requeried with its provider');
  await checkPayment(ctx, d.subject_id);
  return adminDisputeDetail(ctx, id);
}

/** Why a subject may not be refunded: still moving, or its money already came back. */
function refuseRefund(subject: Subject) {
  if (subject.money === 'in_flight')
    throw new AppError(
      'subject_in_flight',
      `This ${subject.type.replace('_', ' ')} is still ${subject.status}: wait until it is final`,
      { subjectStatus: subject.status },
    );
  if (subject.money === 'money_back')
    throw new AppError(
      'already_refunded',
      `This ${subject.type.replace('_', ' ')} is ${subject.status}: the money is already back`,
      { subjectStatus: subject.status },
    );
}

function ledgerRefusal(code: string | undefined): AppError {
  if (code === 'credit_limit_exceeded')
    return new AppError('limit_exceeded', 'The refund would pass the maximum balance of the account tier', {
      limit: 'max_balance',
    });
  if (code === 'account_frozen') return new AppError('wallet_frozen', 'The wallet is frozen');
  if (code === 'account_closed') return new AppError('wallet_closed', 'The wallet is closed');
  return new AppError('ledger_refused', `The ledger refused the refund (${code})`);
}

const refundItem = (d: DisputeRow, s: Subject, limitLegs: Leg[]): LedgerItem => ({
  id: refundTransactionId(s),
  kind: 'transfer',
  currency: s.currency,
  code: 'refund',
  legs: [
    ...s.refundFrom.map((r) => ({ accountId: r.accountId, side: 'D' as const, amount: r.amount })),
    { accountId: s.walletId, side: 'C', amount: s.amount },
    ...limitLegs,
  ],
  metadata: {
    description: `Refund: dispute ${d.tracking_number}`,
    reference: d.tracking_number,
    disputeId: d.id,
    // The statement line names what was refunded (subjectOf reads these).
    ...(s.type === 'bill_payment' ? { paymentId: s.id } : {}),
    ...(s.type === 'withdrawal' ? { withdrawalId: s.id } : {}),
    ...(s.type === 'deposit' ? { depositId: s.id } : {}),
  },
});

/** The refund's money movement and its once-per-subject row, in the resolution's transaction. */
async function bookRefund(tx: Tx, d: DisputeRow, s: Subject, limitLegs: Leg[]) {
  const taken = await tx.query('SELECT 1 FROM disputes.refunds WHERE subject_type = $1 AND subject_id = $2', [
    s.type,
    s.id,
  ]);
  if (taken.rows.length > 0) throw new AppError('already_refunded', 'This transaction was already refunded');
  // A refunded bill payment is no longer delivered: the provider's own reversal, later, refunds nothing.
  if (
    s.type === 'bill_payment' &&
    !(await markRefundedByOperator(tx, s.id, `refunded by dispute ${d.tracking_number}`))
  )
    throw new AppError('already_refunded', 'This payment is no longer delivered: its money is already back');
  const [r] = await createTransactions(tx, [refundItem(d, s, limitLegs)]);
  if (!r?.ok) throw ledgerRefusal(r?.code); // rolls back: nothing moved, nothing recorded
  if (r.replayed) throw new AppError('already_refunded', 'This transaction was already refunded');
  await tx.query(
    `INSERT INTO disputes.refunds (subject_type, subject_id, dispute_id, transaction_id, amount, currency)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.type, s.id, d.id, refundTransactionId(s), s.amount, s.currency],
  );
}

export interface ResolveInput {
  outcome: Outcome;
  reason: string;
}

/** Checks before any transaction what the outcome needs: a final subject, limits, a token. */
async function prepare(ctx: AppContext, id: string, input: ResolveInput) {
  const seen = await loadDispute(ctx.db, id);
  if (!seen) throw notFound('Dispute');
  if (!OPEN_STATUSES.includes(seen.status)) throw notOpen(seen);
  const subject = await findSubject(ctx, seen.subject_type, seen.subject_id);
  if (!subject) throw notFound('The disputed transaction');
  let limitLegs: Leg[] = [];
  if (input.outcome === 'refund') {
    refuseRefund(subject);
    const limits = await chargeLimits(ctx, { creditor: subject.userId }, subject.currency, subject.amount, {
      single: false,
    });
    limitLegs = limits.legs;
  }
  if (input.outcome === 'delivered' && !subject.tokenAvailable)
    throw new AppError('no_token', 'Only a delivered bill payment with a token can be resolved as delivered');
  return { subject, limitLegs };
}

/**
 * Resolves a dispute. `delivered` sends the token again (to the account's
 * own email, as the customer's resend does) before the resolution commits.
 */
export async function resolveDispute(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ResolveInput,
  claim: IdempotencyClaim,
): Promise<IdempotentResult> {
  const { subject, limitLegs } = await prepare(ctx, id, input);
  let emailed = false;
  if (input.outcome === 'delivered') {
    const smtpUrl = ctx.config.notifyMode === 'smtp' ? ctx.config.smtpUrl : undefined;
    const notifier = createNotifier(ctx.log, smtpUrl, ctx.config.smtpFrom);
    // An unverified email gets no token: the customer reads it in the app instead.
    emailed = (await resendToken(ctx, notifier, subject.userId, subject.id, { unverified: 'skip' })).sent;
  }
  const to = STATUS_OF[input.outcome];
  try {
    return await ctx.db.transaction(async (tx) => {
      const d = await lockForWork(tx, id);
      if (input.outcome === 'refund') await bookRefund(tx, d, subject, limitLegs);
      await transitionRow(tx, disputeStates, {
        table: 'disputes.disputes',
        id,
        from: 'under_review',
        to,
        set: {
          resolved_at: 'now()',
          resolved_by: (v) => `${v(actor.auth.userId)}::uuid`,
          resolution_reason: (v) => `${v(input.reason)}::text`,
          updated_at: 'now()',
        },
      });
      const note =
        input.outcome === 'refund'
          ? `We refunded ${naira(subject.amount, subject.currency)} to your wallet. ${input.reason}`
          : input.outcome === 'delivered'
            ? `${emailed ? 'Your token was sent again to your email.' : 'Your token is on the payment in the app (verify your email to receive it there).'} ${input.reason}`
            : `We could not uphold your complaint: ${input.reason}`;
      await addMessage(tx, id, 'operator', actor.auth.userId, note);
      await recordAudit(tx, {
        actorId: actor.auth.userId,
        action: `dispute.resolve_${input.outcome}`,
        targetType: 'dispute',
        targetId: id,
        before: { status: d.status, subjectStatus: subject.status },
        after: {
          status: to,
          ...(input.outcome === 'refund'
            ? { refund: String(subject.amount), from: subject.refundFrom.map((r) => r.type) }
            : {}),
        },
        reason: input.reason,
        requestId: actor.requestId,
      });
      await publishUpdate(tx, d, to, note);
      const body = await adminDisputeDetail(ctx, id, tx);
      await completeIdempotent(tx, claim, 200, body);
      return { status: 200, body };
    });
  } catch (error) {
    if (error instanceof InvalidTransition)
      throw new AppError('dispute_not_open', 'The dispute changed while you were resolving it; reload');
    throw error;
  }
}
