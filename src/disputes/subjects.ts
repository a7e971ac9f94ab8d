/**
 * A dispute's subject, read through the module that owns it: a bill payment
 * from bills (its operator detail: timeline, provider calls, postings), a
 * deposit, withdrawal or transfer from wallets. One shape for the rest of
 * the module: whose it is, where its money stands, and what a refund debits.
 */
import { paymentDetail } from '../bills/index.js';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import { type MoneyState, type RefundSource, systemAccountId, walletSubject } from '../wallets/index.js';
import type { SubjectType } from './states.js';

export interface Subject {
  type: SubjectType;
  id: string;
  userId: string;
  walletId: string;
  /** What the customer was charged (amount and fee) or sent, in minor units. */
  amount: bigint;
  currency: string;
  status: string;
  money: MoneyState;
  refundFrom: RefundSource[];
  /** A bill payment's delivered token can be sent again. */
  tokenAvailable: boolean;
  /** The owning module's own view (timeline, provider calls, postings), for operators. */
  detail: Record<string, unknown>;
}

const BILL_IN_FLIGHT = new Set(['pending', 'processing', 'needs_review']);
const BILL_MONEY_BACK = new Set(['failed', 'reversed']);

async function billSubject(ctx: AppContext, id: string): Promise<Subject | undefined> {
  let d: Awaited<ReturnType<typeof paymentDetail>>;
  try {
    d = await paymentDetail(ctx.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
  if (!d.user) return undefined;
  const money: MoneyState = BILL_IN_FLIGHT.has(d.status)
    ? 'in_flight'
    : BILL_MONEY_BACK.has(d.status)
      ? 'money_back'
      : 'refundable';
  // A delivered bill refunded by Vendra: the amount is claimed back from the provider's float, the fee returned.
  const refundFrom: RefundSource[] = [
    {
      accountId: systemAccountId('provider_float', d.currency, d.provider),
      amount: d.amount,
      type: 'provider_float',
    },
    ...(d.fee > 0n
      ? [
          {
            accountId: systemAccountId('fee_revenue', d.currency),
            amount: d.fee,
            type: 'fee_revenue' as const,
          },
        ]
      : []),
  ];
  return {
    type: 'bill_payment',
    id: d.id,
    userId: d.user.id,
    walletId: d.walletId,
    amount: d.total,
    currency: d.currency,
    status: d.status,
    money,
    refundFrom,
    tokenAvailable: d.status === 'succeeded' && d.token !== null,
    detail: { ...d, token: undefined, receipt: undefined },
  };
}

/** The subject, or undefined when there is none with that id. */
export async function findSubject(
  ctx: AppContext,
  type: SubjectType,
  id: string,
): Promise<Subject | undefined> {
  if (type === 'bill_payment') return billSubject(ctx, id);
  const s = await walletSubject(ctx, type, id);
  if (!s) return undefined;
  const { timeline, postings, ...rest } = s;
  return { ...rest, tokenAvailable: false, detail: { timeline, postings, status: s.status } };
}

/** The customer's own subject; someone else's is 404, as if it did not exist. */
export async function ownSubject(
  ctx: AppContext,
  userId: string,
  type: SubjectType,
  id: string,
): Promise<Subject> {
  const s = await findSubject(ctx, type, id);
  if (!s || s.userId !== userId) throw notFound('Transaction');
  return s;
}
