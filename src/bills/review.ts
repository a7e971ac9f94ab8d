import type { AppContext } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import { recordAudit } from '../identity/index.js';
import { loadPayment, recordEvent } from './payments.js';
import { markFailed, markSucceeded } from './vend.js';

/**
 * An operator settles a payment the machine could not: delivered (with the
 * token the provider gave them) or refunded. Only payments in needs_review
 * (or stuck processing) can be resolved by hand; each action is audit-logged
 * with its reason.
 */
export async function resolvePayment(
  ctx: AppContext,
  actorId: string,
  paymentId: string,
  input: { action: 'delivered' | 'refund'; token?: string; units?: string; reason: string },
) {
  const before = await loadPayment(ctx.db, paymentId);
  if (!before) throw notFound('Bill payment');
  if (before.status !== 'needs_review' && before.status !== 'processing') {
    throw new AppError(409, 'not_resolvable', `A ${before.status} payment cannot be resolved by hand`);
  }
  const reason = `operator: ${input.reason}`;
  const done =
    input.action === 'delivered'
      ? await markSucceeded(ctx, paymentId, { token: input.token, units: input.units }, reason)
      : await markFailed(ctx, paymentId, reason);
  if (!done)
    throw new AppError(409, 'not_resolvable', 'The payment changed while you were resolving it; reload');
  const after = await loadPayment(ctx.db, paymentId);
  await ctx.db.transaction(async (tx) => {
    await recordEvent(tx, paymentId, `resolved_${input.action}`, input.reason, actorId);
    await recordAudit(tx, {
      actorId,
      action: `bill_payment.resolve_${input.action}`,
      targetType: 'bill_payment',
      targetId: paymentId,
      before: { status: before.status, token: before.token },
      after: { status: after?.status, token: after?.token },
      reason: input.reason,
    });
  });
  return after;
}
