/** An operator's view of a dispute: the dispute, its messages, the subject's timeline, provider calls, postings and any refund. */
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { getDispute, loadDispute } from './disputes.js';
import { findSubject } from './subjects.js';

interface RefundRow {
  transaction_id: string;
  amount: bigint;
  currency: string;
  created_at: Date;
}

const list = (v: unknown) => (Array.isArray(v) ? v : []);

/** `db`: the caller's transaction, so a resolution's stored answer shows its own refund. */
export async function adminDisputeDetail(ctx: AppContext, id: string, db: Queryable = ctx.db) {
  const d = await loadDispute(db, id);
  if (!d) throw notFound('Dispute');
  const [dispute, subject, refunds] = await Promise.all([
    getDispute(db, id),
    findSubject(ctx, d.subject_type, d.subject_id),
    db.query<RefundRow>(
      `SELECT transaction_id, amount, currency, created_at FROM disputes.refunds
        WHERE subject_type = $1 AND subject_id = $2`,
      [d.subject_type, d.subject_id],
    ),
  ]);
  const refund = refunds.rows[0];
  const detail = subject?.detail ?? {};
  return {
    ...dispute,
    userId: d.user_id,
    subject: subject
      ? {
          type: subject.type,
          id: subject.id,
          status: subject.status,
          money: subject.money,
          amount: subject.amount,
          currency: subject.currency,
          walletId: subject.walletId,
          tokenAvailable: subject.tokenAvailable,
          refundFrom: subject.refundFrom.map((r) => ({ type: r.type, amount: r.amount })),
          provider: typeof detail.provider === 'string' ? detail.provider : null,
          title:
            typeof detail.billerName === 'string'
              ? `${detail.billerName} ${String(detail.customerRef ?? '')}`.trim()
              : subject.type.replace('_', ' '),
          timeline: list(detail.timeline),
          providerCalls: list(detail.providerCalls),
          postings: list(detail.postings),
        }
      : null,
    refund: refund
      ? {
          transactionId: refund.transaction_id,
          amount: refund.amount,
          currency: refund.currency.trim(),
          createdAt: refund.created_at.toISOString(),
        }
      : null,
  };
}
