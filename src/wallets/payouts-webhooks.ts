/**
 * Paystack's transfer.success, transfer.failed and transfer.reversed
 * webhooks (verified by handleGatewayWebhook): the final state of a payout,
 * applied to its withdrawal with the webhook's log row in one transaction.
 * Every delivery of the same event after the first is a `duplicate`.
 */
import type { AppContext } from '../context.js';
import type { Leg } from '../ledger/index.js';
import { type GatewayWebhookBody, recordWebhook } from './webhook-log.js';
import { type PayoutEnd, load, refundLimitLegs, settleIn, type WithdrawalRow } from './withdrawals.js';

const ENDS: Record<string, PayoutEnd> = {
  'transfer.success': 'succeeded',
  'transfer.failed': 'failed',
  'transfer.reversed': 'reversed',
};

/** Our withdrawal reference from Paystack's (we send ours lowercased: VWD-<hex>). */
const ourReference = (data: Record<string, unknown>) =>
  typeof data.reference === 'string' ? data.reference.slice(0, 64).toUpperCase() : '';

async function findByReference(ctx: AppContext, reference: string): Promise<WithdrawalRow | undefined> {
  if (!reference) return undefined;
  const { rows } = await ctx.db.query<WithdrawalRow>(
    'SELECT * FROM wallets.withdrawals WHERE reference = $1',
    [reference],
  );
  return rows[0];
}

const reasonOf = (data: Record<string, unknown>, end: PayoutEnd) => {
  const said = typeof data.gateway_response === 'string' ? data.gateway_response.slice(0, 200) : '';
  if (end === 'failed') return said || 'The bank refused the payout';
  if (end === 'reversed') return said || 'The bank returned the payout';
  return undefined;
};

/** The gateway handler for transfer.* events; answers the outcome word the webhook log keeps. */
export async function receiveTransferEvent(ctx: AppContext, body: GatewayWebhookBody): Promise<string> {
  const end = ENDS[String(body.event)] as PayoutEnd;
  const data = body.data ?? {};
  const seen = await findByReference(ctx, ourReference(data));
  // A refund's headroom legs are read before its transaction (a limit account opens in its own).
  const legs: Leg[] =
    end === 'reversed' && seen?.status === 'succeeded' ? await refundLimitLegs(ctx, seen) : [];
  return ctx.db.transaction(async (tx) => {
    const w = seen ? await load(tx, seen.id, true) : undefined;
    let outcome: string;
    if (!w) outcome = 'unknown_reference';
    else if (typeof data.amount !== 'number' || BigInt(Math.trunc(data.amount)) !== w.amount) {
      ctx.log.warn(
        { withdrawalId: w.id, event: body.event },
        'transfer webhook amount does not match the withdrawal',
      );
      outcome = 'mismatch';
    } else {
      if (end === 'reversed' && w.status === 'succeeded' && seen?.status !== 'succeeded')
        throw new Error(`withdrawal ${w.id} succeeded meanwhile: the reversal is applied on redelivery`);
      const result = await settleIn(ctx, tx, w, end, reasonOf(data, end), legs);
      outcome = result === 'applied' ? end : result;
    }
    await recordWebhook(tx, body, outcome);
    return outcome;
  });
}
