import type { AppContext } from '../context.js';
import { getBalances } from '../ledger/index.js';
import { type Consumer, markApplied, notifyUser, type OutboxEvent } from '../outbox/index.js';
import type { PayoutProvider } from './payouts.js';
import { DEFAULT_CURRENCY, ensureWallet } from './wallets.js';
import { runPayout } from './withdrawals.js';

/** Tells a user's open streams the new balance of their wallets. */
async function pushBalances(ctx: AppContext, userId: string, walletIds: string[]) {
  await ctx.db.transaction(async (tx) => {
    const balances = await getBalances(tx, walletIds);
    for (const b of balances.values()) {
      await notifyUser(tx, userId, 'wallet.balance_updated', {
        walletId: b.accountId,
        balance: Number(b.posted),
        available: Number(b.available),
        held: Number(b.held),
        currency: b.currency,
      });
    }
  });
}

async function notify(ctx: AppContext, userId: string, type: string, data: unknown) {
  await ctx.db.transaction((tx) => notifyUser(tx, userId, type, data));
}

/** The live-event fan-out: outbox events become SSE events for the people they concern. */
export async function fanOut(ctx: AppContext, event: OutboxEvent): Promise<void> {
  const p = event.payload as Record<string, string>;
  switch (event.type) {
    case 'transfer.completed':
      await pushBalances(ctx, p.fromUserId as string, [p.fromWalletId as string]);
      await pushBalances(ctx, p.toUserId as string, [p.toWalletId as string]);
      await notify(ctx, p.toUserId as string, 'transfer.received', {
        transferId: p.transferId,
        walletId: p.toWalletId,
        amount: Number(p.amount),
        currency: p.currency,
        from: { name: p.senderName },
      });
      return;
    case 'deposit.succeeded':
      await notify(ctx, event.userId as string, 'deposit.succeeded', { ...p, amount: Number(p.amount) });
      await pushBalances(ctx, event.userId as string, [p.walletId as string]);
      return;
    case 'withdrawal.updated':
    case 'bill_payment.updated':
      await notify(ctx, event.userId as string, event.type, p);
      if (p.walletId) await pushBalances(ctx, event.userId as string, [p.walletId]);
      return;
    default:
      return;
  }
}

export const LIVE_EVENT_TYPES = [
  'transfer.completed',
  'deposit.succeeded',
  'withdrawal.updated',
  'bill_payment.updated',
];

export function walletConsumers(ctx: AppContext, payouts: PayoutProvider): Consumer[] {
  return [
    {
      // Every person gets an NGN wallet, created by this consumer after registration.
      name: 'wallets.provision',
      types: ['user.registered'],
      maxAttempts: 0,
      async handle(event) {
        const { userId } = event.payload as { userId: string };
        await ctx.db.transaction(async (tx) => {
          if (!(await markApplied(tx, 'wallets.provision', event.id))) return;
          await ensureWallet(tx, userId, DEFAULT_CURRENCY);
        });
        return { status: 'done' };
      },
    },
    {
      name: 'wallets.payouts',
      types: ['withdrawal.requested'],
      maxAttempts: 0, // a payout that may have gone out is never abandoned
      handle: (event, attempt) => runPayout(ctx, payouts, event, attempt),
    },
    {
      name: 'live',
      types: LIVE_EVENT_TYPES,
      maxAttempts: 5,
      async handle(event) {
        await fanOut(ctx, event);
        return { status: 'done' };
      },
    },
  ];
}
