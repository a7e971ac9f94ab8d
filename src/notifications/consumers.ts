/**
 * Three consumers. `notifications.low_balance` alerts a person whose wallet went below their
 * threshold (low-balance.ts). `notifications.compose` turns an event into message rows (in one transaction;
 * ids derived from the source, so a redelivery writes nothing). `notifications.deliver` sends one
 * email or SMS through its adapter, outside any request: a failure is retried with the outbox's
 * backoff and, after DELIVER_MAX_ATTEMPTS, lands in the dead letters for an operator to retry.
 */
import type { AppContext } from '../context.js';
import type { Consumer } from '../outbox/index.js';
import { type Adapters, adaptersFor } from './adapters.js';
import { DOMAIN_EVENT_TYPES, mapEvent } from './events.js';
import { BALANCE_EVENT_TYPES, checkLowBalance, walletsOf } from './low-balance.js';
import { createMessages, DELIVER_EVENT, REQUESTED_EVENT } from './messages.js';

export const DELIVER_MAX_ATTEMPTS = 8;
const COMPOSE_MAX_ATTEMPTS = 10;

/** Sends one message unless it was sent; returns false when there was nothing to send. */
export async function deliverMessage(
  ctx: AppContext,
  adapters: Adapters,
  messageId: string,
): Promise<boolean> {
  const { rows } = await ctx.db.query<{
    channel: 'email' | 'sms';
    recipient: string;
    template: string;
    subject: string;
    body: string;
  }>(
    `SELECT channel, recipient, template, subject, body FROM notifications.messages
      WHERE id = $1 AND channel <> 'in_app' AND sent_at IS NULL AND skipped_reason IS NULL`,
    [messageId],
  );
  const m = rows[0];
  if (!m) return false;
  await adapters[m.channel].send({
    messageId,
    channel: m.channel,
    to: m.recipient,
    template: m.template,
    subject: m.subject,
    text: m.body,
  });
  await ctx.db.query('UPDATE notifications.messages SET sent_at = now() WHERE id = $1 AND sent_at IS NULL', [
    messageId,
  ]);
  return true;
}

export function notificationConsumers(
  ctx: AppContext,
  adapters = adaptersFor(ctx.config, ctx.log, ctx.db),
): Consumer[] {
  return [
    {
      name: 'notifications.compose',
      types: [REQUESTED_EVENT, ...DOMAIN_EVENT_TYPES],
      maxAttempts: COMPOSE_MAX_ATTEMPTS,
      async handle(event) {
        const mapped = await mapEvent(ctx.db, event);
        if (mapped) await ctx.db.transaction((tx) => createMessages(tx, mapped.source, mapped.input));
        return { status: 'done' };
      },
    },
    {
      // Low-balance alerts: each wallet the event moved, against its owner's threshold.
      name: 'notifications.low_balance',
      types: [...BALANCE_EVENT_TYPES],
      maxAttempts: COMPOSE_MAX_ATTEMPTS,
      async handle(event) {
        for (const wallet of walletsOf(event)) await ctx.db.transaction((tx) => checkLowBalance(tx, wallet));
        return { status: 'done' };
      },
    },
    {
      name: 'notifications.deliver',
      types: [DELIVER_EVENT],
      maxAttempts: DELIVER_MAX_ATTEMPTS,
      async handle(event) {
        await deliverMessage(ctx, adapters, (event.payload as { messageId: string }).messageId);
        return { status: 'done' };
      },
    },
  ];
}
