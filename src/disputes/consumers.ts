import type { AppContext } from '../context.js';
import { type Consumer, markApplied, notifyUser } from '../outbox/index.js';

interface DisputeUpdated {
  disputeId: string;
  trackingNumber: string;
  status: string;
  note: string;
}

/**
 * The customer's open app hears of every change to their dispute at once (a
 * live `dispute.updated` event). The email and the in-app notification come
 * from the notifications module, which consumes the same outbox event.
 */
export function disputeConsumers(ctx: AppContext): Consumer[] {
  return [
    {
      name: 'disputes.notify',
      types: ['dispute.updated'],
      maxAttempts: 20,
      async handle(event) {
        const p = event.payload as DisputeUpdated;
        const userId = event.userId;
        if (!userId) return { status: 'done' };
        await ctx.db.transaction(async (tx) => {
          if (!(await markApplied(tx, 'disputes.notify', event.id))) return;
          await notifyUser(tx, userId, 'dispute.updated', {
            disputeId: p.disputeId,
            trackingNumber: p.trackingNumber,
            status: p.status,
          });
        });
        return { status: 'done' };
      },
    },
  ];
}
