import { createNotifier } from '../bills/index.js';
import type { AppContext } from '../context.js';
import { getUser } from '../identity/index.js';
import { type Consumer, markApplied, notifyUser } from '../outbox/index.js';

interface DisputeUpdated {
  disputeId: string;
  trackingNumber: string;
  status: string;
  note: string;
}

/**
 * The customer hears of every change to their dispute: an email (or, with
 * NOTIFY_MODE=log, a log line naming recipient and template only) and a live
 * `dispute.updated` event to their open app. The mail is sent inside the
 * transaction that marks the event applied, so a failed send rolls the mark
 * back and is retried; a crash between the send and the commit may send it
 * twice, never lose it.
 */
export function disputeConsumers(ctx: AppContext): Consumer[] {
  const smtpUrl = ctx.config.notifyMode === 'smtp' ? ctx.config.smtpUrl : undefined;
  const notifier = createNotifier(ctx.log, smtpUrl, ctx.config.smtpFrom);
  return [
    {
      name: 'disputes.notify',
      types: ['dispute.updated'],
      maxAttempts: 20,
      async handle(event) {
        const p = event.payload as DisputeUpdated;
        const userId = event.userId;
        if (!userId) return { status: 'done' };
        const user = await getUser(ctx.db, userId);
        await ctx.db.transaction(async (tx) => {
          if (!(await markApplied(tx, 'disputes.notify', event.id))) return;
          await notifyUser(tx, userId, 'dispute.updated', {
            disputeId: p.disputeId,
            trackingNumber: p.trackingNumber,
            status: p.status,
          });
          if (user)
            await notifier.send({
              to: user.email,
              template: 'dispute_updated',
              subject: `Your complaint ${p.trackingNumber}`,
              text: `${p.note}\n\nStatus: ${p.status.replace('_', ' ')}. Tracking number: ${p.trackingNumber}.`,
            });
        });
        return { status: 'done' };
      },
    },
  ];
}
