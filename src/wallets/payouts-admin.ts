/**
 * Operators and payouts: every withdrawal by state, newest first, and
 * "verify now": ask the payout provider where a payout is and apply a
 * definite answer at once, with the audit record in the same transaction.
 */
import type { AppContext } from '../context.js';
import type { Db } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { type Actor, recordAudit } from '../identity/index.js';
import type { Leg } from '../ledger/index.js';
import { decidePayout } from './payout-decision.js';
import { payoutProviderOf } from './payouts-paystack.js';
import type { PayoutResult } from './payouts.js';
import {
  load,
  type PayoutEnd,
  refundLimitLegs,
  reviewIn,
  settleIn,
  type WithdrawalRow,
  type WithdrawalStatus,
  withdrawalView,
} from './withdrawals.js';

export const adminWithdrawalView = (r: WithdrawalRow) => ({
  ...withdrawalView(r),
  userId: r.user_id,
  sentAt: r.sent_at?.toISOString() ?? null,
});

/** Withdrawals newest first, optionally in one state; keyset-paginated (at most MAX_PAGE_SIZE a page). */
export async function listWithdrawalsAdmin(
  db: Db,
  filter: { status?: WithdrawalStatus; cursor?: string; limit?: number },
) {
  const limit = pageSize(filter.limit);
  // The cursor keeps created_at to the microsecond, so no row between two milliseconds is skipped.
  const [at = null, id = null] = filter.cursor ? decodeCursorAs(filter.cursor, ['key', 'uuid']) : [];
  const { rows } = await db.query<WithdrawalRow & { at_text: string }>(
    `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text
       FROM wallets.withdrawals
      WHERE ($1::text IS NULL OR status = $1)
        AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $4`,
    [filter.status ?? null, at, id, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(adminWithdrawalView),
    nextCursor: rows.length > limit && last ? encodeCursor([last.at_text, last.id]) : null,
  };
}

/** What an answer does to a withdrawal in this state: settle it, send it to review, or nothing yet. */
function endOf(
  w: WithdrawalRow,
  result: PayoutResult,
): { end?: PayoutEnd; reason?: string; review?: string } {
  if (w.status === 'succeeded')
    return result.outcome === 'reversed' ? { end: 'reversed', reason: result.message } : {};
  if (w.status !== 'processing' && w.status !== 'needs_review') return {};
  const ageMs = Date.now() - (w.sent_at?.getTime() ?? Date.now());
  const action = decidePayout(result, ageMs, 1);
  if (action.kind === 'succeed') return { end: 'succeeded' };
  if (action.kind === 'fail') return { end: 'failed', reason: action.reason };
  if (action.kind === 'review') return { review: action.reason };
  return {};
}

/**
 * Verifies one payout against the provider now and applies a definite
 * answer (success posts, failure voids, a reversal after success refunds),
 * as the payout job would; audited as `withdrawal.verify` with the
 * provider's answer, whatever it was.
 */
export async function verifyWithdrawal(ctx: AppContext, actor: Actor, withdrawalId: string) {
  const seen = await load(ctx.db, withdrawalId);
  if (!seen) throw notFound('Withdrawal');
  const result: PayoutResult = seen.sent_at
    ? await payoutProviderOf(ctx).requery(seen.reference)
    : { outcome: 'not_found', message: 'not sent yet' };
  const legs: Leg[] =
    seen.status === 'succeeded' && result.outcome === 'reversed' ? await refundLimitLegs(ctx, seen) : [];
  return ctx.db.transaction(async (tx) => {
    const w = (await load(tx, withdrawalId, true)) as WithdrawalRow;
    const { end, reason, review } = endOf(w, result);
    let applied = 'none';
    if (end && !(end === 'reversed' && seen.status !== 'succeeded'))
      applied = await settleIn(ctx, tx, w, end, reason, legs);
    else if (review && (await reviewIn(tx, w, review))) applied = 'review';
    const after = (await load(tx, withdrawalId)) as WithdrawalRow;
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'withdrawal.verify',
      targetType: 'withdrawal',
      targetId: w.id,
      before: { status: w.status },
      after: { status: after.status, provider: result.outcome, applied },
      requestId: actor.requestId,
    });
    return {
      withdrawal: adminWithdrawalView(after),
      provider: { outcome: result.outcome, message: result.message ?? null },
    };
  });
}
