/**
 * The outbox consumers of promotions, run by the worker; each is idempotent
 * under redelivery (rewards by their unique trigger, clawbacks by status,
 * cards by signature, auto top-up by the event).
 *
 * - promotions.rewards: `bill_payment.updated` (succeeded: cashback and
 *   referral campaigns; reversed: clawback) and `deposit.succeeded` (first deposit).
 * - promotions.cards: `deposit.succeeded`: saves the card of a card deposit.
 * - promotions.auto_topup: the events that take money out of a wallet
 *   (`transfer.completed`, `bill_payment.updated`, `withdrawal.updated`).
 */
import type { AppContext } from '../context.js';
import { coalesce } from '../db/index.js';
import { isUuid } from '../ledger/index.js';
import { getPaymentView } from '../bills/index.js';
import { getUser } from '../identity/index.js';
import type { Consumer, OutboxEvent } from '../outbox/index.js';
import { depositAuthorization, firstSucceededDeposit } from '../wallets/index.js';
import { checkAutoTopup, walletsWithRules } from './auto-topup.js';
import { saveCardFromAuthorization } from './cards.js';
import { clawBack, processTrigger } from './rewards.js';

const now = (ctx: AppContext) => ctx.now?.() ?? new Date();

/** A bill payment's update: rewards when it succeeded (and still stands), a clawback when reversed. */
export async function onBillPayment(ctx: AppContext, paymentId: string, status: string, userId: string) {
  const sourceRef = `bill_payment:${paymentId}`;
  if (status === 'reversed') return clawBack(ctx, sourceRef);
  if (status !== 'succeeded') return [];
  const p = await getPaymentView(ctx.db, paymentId);
  // Reversed since (its reversal may be handled first): it earns nothing.
  if (p.status !== 'succeeded') return [];
  const base = {
    userId,
    sourceRef,
    amount: p.amount,
    currency: p.currency,
    category: p.category,
    billerId: p.billerId,
    at: now(ctx),
  };
  return [
    ...(await processTrigger(ctx, { ...base, trigger: 'bill_payment.succeeded' })),
    ...(await processTrigger(ctx, { ...base, trigger: 'referral_first_payment' })),
  ];
}

/** A deposit that succeeded: a first-deposit reward when it is the person's first. */
export async function onDeposit(ctx: AppContext, event: OutboxEvent) {
  const p = event.payload as { depositId: string; amount: string | number; currency: string };
  const userId = event.userId;
  if (!userId) return [];
  // The person's first (earliest) deposit, whichever event is handled first.
  if ((await firstSucceededDeposit(ctx.db, userId)) !== p.depositId) return [];
  return processTrigger(ctx, {
    trigger: 'first_deposit',
    userId,
    sourceRef: `deposit:${p.depositId}`,
    amount: BigInt(p.amount),
    currency: p.currency,
    at: now(ctx),
  });
}

/** Saves the reusable card of a successful card deposit. */
export async function saveDepositCard(ctx: AppContext, depositId: string) {
  const found = await depositAuthorization(ctx.db, depositId);
  if (!found) return false;
  const user = await getUser(ctx.db, found.userId);
  const email = typeof found.authorization.email === 'string' ? found.authorization.email : user?.email;
  if (!email) return false;
  return ctx.db.transaction((tx) => saveCardFromAuthorization(tx, found.userId, email, found.authorization));
}

/** The wallet a balance event took money from, if any. */
function debitedWallet(event: OutboxEvent): string | undefined {
  const p = event.payload as Record<string, unknown>;
  if (event.type === 'transfer.completed') return p.fromWalletId as string | undefined;
  return typeof p.walletId === 'string' ? p.walletId : undefined;
}

export function promotionConsumers(ctx: AppContext): Consumer[] {
  // Every debit is looked at and almost none has a rule: the handlers running at once share
  // one query for that, and only a wallet with a rule pays for checkAutoTopup.
  const hasRule = coalesce(
    async (ids: string[]) => {
      const found = await walletsWithRules(ctx.db, ids);
      return ids.map((id) => found.has(id));
    },
    { maxItems: 500, maxInFlight: 2 },
  );
  return [
    {
      name: 'promotions.rewards',
      types: ['bill_payment.updated', 'deposit.succeeded'],
      maxAttempts: 0, // a reward (or clawback) owed is never abandoned
      async handle(event) {
        if (event.type === 'deposit.succeeded') await onDeposit(ctx, event);
        else {
          const p = event.payload as { id: string; status: string };
          if (event.userId) await onBillPayment(ctx, p.id, p.status, event.userId);
        }
        return { status: 'done' };
      },
    },
    {
      name: 'promotions.cards',
      types: ['deposit.succeeded'],
      async handle(event) {
        await saveDepositCard(ctx, (event.payload as { depositId: string }).depositId);
        return { status: 'done' };
      },
    },
    {
      name: 'promotions.auto_topup',
      types: ['transfer.completed', 'bill_payment.updated', 'withdrawal.updated'],
      async handle(event) {
        const walletId = debitedWallet(event);
        if (walletId && isUuid(walletId) && (await hasRule(walletId)))
          await checkAutoTopup(ctx, walletId, `event:${event.id}`);
        return { status: 'done' };
      },
    },
  ];
}
