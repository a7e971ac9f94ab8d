import type { AppContext } from '../context.js';
import { getBalances } from '../ledger/index.js';
import { coalesce } from '../db/index.js';
import {
  type Consumer,
  MAX_LIVE_EVENTS_PER_CALL,
  markApplied,
  notifyUsers,
  type OutboxEvent,
} from '../outbox/index.js';
import { provisionFundingAccount } from './funding-accounts.js';
import type { PayoutProvider } from './payouts.js';
import { DEFAULT_CURRENCY, ensureWallet } from './wallets.js';
import { runPayout } from './withdrawals.js';

/** A live event to send, or the new balance of a user's wallet (`wallet.balance_updated`). */
type Push = { userId: string; type: string; data: unknown } | { userId: string; walletId: string };

/**
 * Sends live events in order, balances read fresh: two round trips whatever
 * their number (one for the balances, one for the NOTIFYs per
 * MAX_LIVE_EVENTS_PER_CALL events).
 */
async function pushAll(ctx: AppContext, items: Push[]) {
  const walletIds = [...new Set(items.flatMap((i) => ('walletId' in i ? [i.walletId] : [])))];
  const balances = walletIds.length > 0 ? await getBalances(ctx.db, walletIds) : new Map();
  const events = items.flatMap((i) => {
    if (!('walletId' in i)) return [i];
    const b = balances.get(i.walletId);
    if (!b) return [];
    const data = {
      walletId: b.accountId,
      balance: Number(b.posted),
      available: Number(b.available),
      held: Number(b.held),
      currency: b.currency,
    };
    return [{ userId: i.userId, type: 'wallet.balance_updated', data }];
  });
  for (let start = 0; start < events.length; start += MAX_LIVE_EVENTS_PER_CALL)
    await notifyUsers(ctx.db, events.slice(start, start + MAX_LIVE_EVENTS_PER_CALL));
}

const pushersOf = new WeakMap<AppContext, (items: Push[]) => Promise<void>>();

/**
 * The pushes of the fan-outs running at the same time go out together (one
 * balance read and one NOTIFY statement for all of them); a batch that fails
 * is sent again one fan-out at a time, so one bad event fails alone.
 */
function push(ctx: AppContext, items: Push[]): Promise<void> {
  let pusher = pushersOf.get(ctx);
  if (!pusher) {
    pusher = coalesce(
      async (batches: Push[][]) => {
        await pushAll(ctx, batches.flat());
        return batches.map(() => undefined);
      },
      { maxItems: 100, maxInFlight: 2, alone: (one) => pushAll(ctx, one) },
    );
    pushersOf.set(ctx, pusher);
  }
  return pusher(items);
}

/** The live-event fan-out: outbox events become SSE events for the people they concern. */
export async function fanOut(ctx: AppContext, event: OutboxEvent): Promise<void> {
  const p = event.payload as Record<string, string>;
  switch (event.type) {
    case 'transfer.completed':
      await push(ctx, [
        { userId: p.fromUserId as string, walletId: p.fromWalletId as string },
        { userId: p.toUserId as string, walletId: p.toWalletId as string },
        {
          userId: p.toUserId as string,
          type: 'transfer.received',
          data: {
            transferId: p.transferId,
            walletId: p.toWalletId,
            amount: Number(p.amount),
            currency: p.currency,
            from: { name: p.senderName },
          },
        },
      ]);
      return;
    case 'deposit.succeeded':
      await push(ctx, [
        {
          userId: event.userId as string,
          type: 'deposit.succeeded',
          data: { ...p, amount: Number(p.amount) },
        },
        { userId: event.userId as string, walletId: p.walletId as string },
      ]);
      return;
    case 'withdrawal.updated':
    case 'bill_payment.updated':
      await push(ctx, [
        { userId: event.userId as string, type: event.type, data: liveData(event.type, p) },
        ...(p.walletId ? [{ userId: event.userId as string, walletId: p.walletId }] : []),
      ]);
      return;
    default:
      return;
  }
}

/** A payment's provider reason ("vtpass 016: ...") is for staff: the payer's screen is not sent it. */
function liveData(type: string, p: Record<string, unknown>): Record<string, unknown> {
  if (type !== 'bill_payment.updated') return p;
  const { reason: _staffOnly, ...rest } = p;
  return rest;
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
      // A dedicated bank account number for each person who may have one: at registration, when a
      // verified BVN or NIN makes them eligible, or on request.
      name: 'wallets.funding_accounts',
      types: ['user.registered', 'kyc.identity_verified', 'funding_account.requested'],
      maxAttempts: 0, // a request the provider may have taken is asked again until it answers
      handle: (event, attempt) => provisionFundingAccount(ctx, event, attempt),
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
