/**
 * Three consumers. `notifications.low_balance` alerts a person whose wallet went below their
 * threshold (low-balance.ts). `notifications.compose` turns an event into message rows (in one transaction;
 * ids derived from the source, so a redelivery writes nothing). `notifications.deliver` sends one
 * email or SMS through its adapter, outside any request: a failure is retried with the outbox's
 * backoff and, after DELIVER_MAX_ATTEMPTS, lands in the dead letters for an operator to retry.
 */
import { getPaymentViews } from '../bills/index.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors/index.js';
import { coalesce, type Queryable } from '../db/index.js';
import type { Consumer } from '../outbox/index.js';
import { type Adapters, adaptersFor } from './adapters.js';
import { DOMAIN_EVENT_TYPES, mapEvent, type PaymentViewOf } from './events.js';
import { BALANCE_EVENT_TYPES, checkLowBalance, usersWithThresholds, walletsOf } from './low-balance.js';
import {
  type Composition,
  createMessagesMany,
  DELIVER_EVENT,
  MAX_COMPOSITIONS,
  REQUESTED_EVENT,
} from './messages.js';

export const DELIVER_MAX_ATTEMPTS = 8;
const COMPOSE_MAX_ATTEMPTS = 10;

interface Pending {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  template: string;
  subject: string;
  body: string;
}

/** The unsent email and SMS messages among ids (never a skipped one), with one query. */
async function loadUnsent(db: Queryable, ids: readonly string[]): Promise<Map<string, Pending>> {
  const { rows } = await db.query<Pending>(
    `SELECT id, channel, recipient, template, subject, body FROM notifications.messages
      WHERE id = ANY ($1::uuid[]) AND channel <> 'in_app' AND sent_at IS NULL AND skipped_reason IS NULL`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function markSent(db: Queryable, ids: readonly string[]): Promise<void> {
  await db.query(
    'UPDATE notifications.messages SET sent_at = now() WHERE id = ANY ($1::uuid[]) AND sent_at IS NULL',
    [ids],
  );
}

/** The database steps of composing and delivering, each shared by the handlers running at once. */
interface Steps {
  view: PaymentViewOf;
  /** Whether the person set a low-balance threshold: every debit asks, and most people set none. */
  hasThreshold: (userId: string) => Promise<boolean>;
  compose: (c: Composition) => Promise<string[]>;
  load: (id: string) => Promise<Pending | undefined>;
  sent: (id: string) => Promise<void>;
}

function stepsFor(ctx: AppContext): Steps {
  const options = {
    maxInFlight: 2,
    onFallback: (error: unknown, items: number) =>
      ctx.log.warn({ err: error, items }, 'a batched notification step failed; its items run one by one'),
  };
  const views = coalesce(
    async (ids: string[]) => {
      const byId = await getPaymentViews(ctx.db, ids);
      return ids.map((id) => byId.get(id));
    },
    { ...options, maxItems: 500 },
  );
  return {
    hasThreshold: coalesce(
      async (ids: string[]) => {
        const found = await usersWithThresholds(ctx.db, ids);
        return ids.map((id) => found.has(id));
      },
      { ...options, maxItems: 500 },
    ),
    async view(id) {
      const view = await views(id);
      if (!view) throw notFound('Bill payment');
      return view;
    },
    compose: coalesce((items: Composition[]) => ctx.db.transaction((tx) => createMessagesMany(tx, items)), {
      ...options,
      maxItems: MAX_COMPOSITIONS,
      alone: (c) => ctx.db.transaction((tx) => createMessagesMany(tx, [c])).then((r) => r[0] ?? []),
    }),
    load: coalesce(
      async (ids: string[]) => {
        const byId = await loadUnsent(ctx.db, ids);
        return ids.map((id) => byId.get(id));
      },
      { ...options, maxItems: 500 },
    ),
    sent: coalesce(
      async (ids: string[]) => {
        await markSent(ctx.db, ids);
        return ids.map(() => undefined);
      },
      { ...options, maxItems: 500 },
    ),
  };
}

/** Sends one message unless it was sent; returns false when there was nothing to send. */
export async function deliverMessage(
  ctx: AppContext,
  adapters: Adapters,
  messageId: string,
  steps: Pick<Steps, 'load' | 'sent'> = {
    load: async (id) => (await loadUnsent(ctx.db, [id])).get(id),
    sent: (id) => markSent(ctx.db, [id]),
  },
): Promise<boolean> {
  const m = await steps.load(messageId);
  if (!m) return false;
  await adapters[m.channel].send({
    messageId,
    channel: m.channel,
    to: m.recipient,
    template: m.template,
    subject: m.subject,
    text: m.body,
  });
  await steps.sent(messageId);
  return true;
}

export function notificationConsumers(
  ctx: AppContext,
  adapters = adaptersFor(ctx.config, ctx.log, ctx.db),
): Consumer[] {
  // Handlers run concurrently in the relay: their database steps are gathered into shared
  // statements, so a burst of money events costs a few transactions, not several each.
  const steps = stepsFor(ctx);
  return [
    {
      name: 'notifications.compose',
      types: [REQUESTED_EVENT, ...DOMAIN_EVENT_TYPES],
      maxAttempts: COMPOSE_MAX_ATTEMPTS,
      async handle(event) {
        const mapped = await mapEvent(steps.view, event);
        if (mapped) await steps.compose(mapped);
        return { status: 'done' };
      },
    },
    {
      // Low-balance alerts: each wallet the event moved, against its owner's threshold.
      name: 'notifications.low_balance',
      types: [...BALANCE_EVENT_TYPES],
      maxAttempts: COMPOSE_MAX_ATTEMPTS,
      async handle(event) {
        for (const wallet of walletsOf(event))
          if (await steps.hasThreshold(wallet.userId))
            await ctx.db.transaction((tx) => checkLowBalance(tx, wallet));
        return { status: 'done' };
      },
    },
    {
      name: 'notifications.deliver',
      types: [DELIVER_EVENT],
      maxAttempts: DELIVER_MAX_ATTEMPTS,
      async handle(event) {
        await deliverMessage(ctx, adapters, (event.payload as { messageId: string }).messageId, steps);
        return { status: 'done' };
      },
    },
  ];
}
