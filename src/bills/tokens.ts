import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import { getUser } from '../identity/index.js';
import type { Notifier } from './notify.js';
import { loadPayment, type PaymentRow } from './payments.js';

/** Re-sends of one payment's token allowed per rolling hour. */
export const TOKEN_RESENDS_PER_HOUR = 3;

const noToken = () => new AppError('no_token', 'This payment has no token to send');

/** Only a delivered payment that still stands has a token to show or send. */
export const tokenVisible = (p: Pick<PaymentRow, 'status' | 'token'>) =>
  p.status === 'succeeded' && p.token !== null;

/**
 * Sends a delivered token again, to the account's own verified email only (a
 * token is a bearer value: nobody can have it sent elsewhere), at most
 * TOKEN_RESENDS_PER_HOUR times per payment per hour. An unverified email is
 * refused (403 email_unverified) or, with `unverified: 'skip'`, sent nothing. The count is taken
 * under the payment's row lock, so concurrent requests cannot exceed it.
 */
export async function resendToken(
  ctx: AppContext,
  notifier: Notifier,
  userId: string,
  paymentId: string,
  options: { unverified?: 'refuse' | 'skip' } = {},
): Promise<{ sent: boolean; to?: string }> {
  const p = await loadPayment(ctx.db, paymentId);
  if (!p || p.user_id !== userId) throw notFound('Bill payment');
  if (!tokenVisible(p)) throw noToken();
  const user = await getUser(ctx.db, userId);
  if (!user) throw notFound('Bill payment');
  // A token is a bearer value: it goes only to an address proven to be the person's.
  if (!user.emailVerified) {
    if (options.unverified === 'skip') return { sent: false };
    throw new AppError('email_unverified', 'Verify your email before a token can be sent to it');
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await loadPayment(tx, paymentId, true);
    if (!locked || !tokenVisible(locked)) throw noToken();
    const { rows } = await tx.query<{ n: bigint; wait_s: number | null }>(
      `SELECT count(*) AS n, ceil(extract(epoch FROM min(at) + interval '1 hour' - now()))::int AS wait_s
         FROM bills.token_resends WHERE payment_id = $1 AND at > now() - interval '1 hour'`,
      [paymentId],
    );
    if ((rows[0]?.n ?? 0n) >= BigInt(TOKEN_RESENDS_PER_HOUR)) {
      const retryAfterS = Math.max(1, rows[0]?.wait_s ?? 3600);
      throw new AppError(
        'rate_limited',
        `This token was sent ${TOKEN_RESENDS_PER_HOUR} times in the last hour; try again later`,
        { retryAfterSeconds: retryAfterS },
        { 'retry-after': String(retryAfterS) },
      );
    }
    await tx.query('INSERT INTO bills.token_resends (payment_id) VALUES ($1)', [paymentId]);
  });
  await notifier.send({
    to: user.email,
    template: 'token_resend',
    subject: 'Your electricity token',
    text: `Token ${p.token} (${p.units ?? ''}) for meter ${p.customer_ref}`,
  });
  return { sent: true, to: user.email };
}
