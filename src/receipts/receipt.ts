/** What a receipt says, gathered from the statement line and the payment or withdrawal behind it. */
import type { AppContext } from '../context.js';
import { getCustomerPaymentView } from '../bills/index.js';
import { notFound } from '../errors/index.js';
import { getWithdrawal, lineOfTransaction, type OwnedLine } from '../wallets/index.js';
import { groupToken } from './format.js';

export type ReceiptTone = 'ok' | 'pending' | 'failed';

export interface Receipt {
  transactionId: string;
  /** What it was: "Bill payment", "Deposit by card", "Transfer sent", ... */
  title: string;
  status: string;
  tone: ReceiptTone;
  direction: 'credit' | 'debit';
  amount: bigint;
  fee: bigint;
  total: bigint;
  currency: string;
  reference: string;
  date: Date;
  /** Further lines, in order: biller, meter, customer, bank, the other person... */
  details: { label: string; value: string }[];
  /** An electricity token, grouped in fours (a delivered payment only). */
  token?: string;
}

type Detail = Receipt['details'][number];
const detail = (label: string, value: string | null | undefined): Detail[] =>
  value ? [{ label, value }] : [];

const LINE_STATUS: Record<OwnedLine['line']['status'], [string, ReceiptTone]> = {
  completed: ['Successful', 'ok'],
  pending: ['Pending', 'pending'],
  released: ['Failed · money returned', 'failed'],
};

const BILL_STATUS: Record<string, [string, ReceiptTone]> = {
  succeeded: ['Successful', 'ok'],
  failed: ['Failed · money returned', 'failed'],
  reversed: ['Reversed · refunded', 'failed'],
};

const WITHDRAWAL_STATUS: Record<string, [string, ReceiptTone]> = {
  succeeded: ['Successful', 'ok'],
  failed: ['Failed · money returned', 'failed'],
  reversed: ['Reversed · refunded', 'failed'],
};

const TITLES: Record<OwnedLine['line']['type'], string> = {
  deposit: 'Deposit',
  transfer_in: 'Transfer received',
  transfer_out: 'Transfer sent',
  withdrawal: 'Withdrawal',
  bill_payment: 'Bill payment',
  refund: 'Refund',
  fee: 'Fee',
  adjustment: 'Adjustment',
};

/** The receipt of a statement line; the line alone when nothing more is known about it. */
function baseReceipt({ line }: OwnedLine): Receipt {
  const [status, tone] = LINE_STATUS[line.status];
  const s = line.subject;
  const deposit = s?.kind === 'deposit';
  return {
    transactionId: line.transactionId,
    title: deposit
      ? `Deposit by ${s.channel === 'bank_transfer' ? 'bank transfer' : 'card'}`
      : TITLES[line.type],
    status,
    tone,
    direction: line.direction,
    amount: line.amount,
    fee: 0n,
    total: line.amount,
    currency: line.currency,
    reference: line.reference,
    date: new Date(line.createdAt),
    details: [
      ...detail('Description', line.description),
      ...(line.type === 'transfer_out' ? detail('To', line.counterparty?.name) : []),
      ...(line.type === 'transfer_in' ? detail('From', line.counterparty?.name) : []),
      ...(deposit ? detail('Sender', s.senderName) : []),
      ...(deposit ? detail('Sender bank', s.senderBank) : []),
    ],
  };
}

async function billReceipt(ctx: AppContext, owned: OwnedLine, base: Receipt): Promise<Receipt> {
  const paymentId = owned.line.subject?.paymentId;
  if (!paymentId) return base;
  const p = await getCustomerPaymentView(ctx.db, paymentId, owned.userId);
  // A refund line of a payment reads as that refund, with the payment's details.
  const [status, tone] =
    owned.line.type === 'bill_payment' && owned.line.status !== 'released'
      ? (BILL_STATUS[p.status] ?? ['Pending', 'pending'])
      : [base.status, base.tone];
  const address = p.receipt?.customerAddress;
  const delivered = p.status === 'succeeded';
  return {
    ...base,
    status: owned.line.type === 'refund' ? 'Refunded' : status,
    tone: owned.line.type === 'refund' ? 'ok' : tone,
    amount: owned.line.type === 'refund' ? base.amount : p.amount,
    fee: owned.line.type === 'refund' ? 0n : p.fee,
    total: owned.line.type === 'refund' ? base.amount : p.total,
    reference: p.id,
    details: [
      ...detail('Biller', p.billerName),
      ...detail('Product', p.productCode),
      ...detail(p.category === 'electricity' ? 'Meter number' : 'Customer reference', p.customerRef),
      ...detail('Customer', p.customerName),
      ...detail('Address', typeof address === 'string' ? address : undefined),
      ...(delivered && p.units ? detail('Units', `${p.units} kWh`) : []),
      ...detail('Provider reference', p.providerReference),
      ...detail('Reason', delivered ? undefined : p.failureReason),
    ],
    ...(delivered && p.token ? { token: groupToken(p.token) } : {}),
  };
}

async function withdrawalReceipt(ctx: AppContext, owned: OwnedLine, base: Receipt): Promise<Receipt> {
  const id = owned.line.subject?.withdrawalId;
  if (!id || owned.line.type !== 'withdrawal') return base;
  const w = await getWithdrawal(ctx, owned.userId, id);
  const [status, tone] =
    owned.line.status === 'released'
      ? [base.status, base.tone]
      : (WITHDRAWAL_STATUS[w.status] ?? ['Pending', 'pending']);
  return {
    ...base,
    status,
    tone,
    amount: w.amount,
    fee: w.fee,
    total: w.amount + w.fee,
    reference: w.reference,
    details: [
      ...detail('Account name', w.accountName),
      ...detail('Bank', owned.line.subject?.bankName),
      ...detail('Account number', owned.line.subject?.accountNumber),
      ...detail('Narration', w.narration),
    ],
  };
}

/**
 * The receipt of a ledger transaction on a wallet. A customer (`ownerId`)
 * reads only their own: anyone else's is 404, as if it did not exist.
 */
export async function receiptOf(ctx: AppContext, transactionId: string, ownerId?: string): Promise<Receipt> {
  const owned = await lineOfTransaction(ctx.db, transactionId, ownerId);
  if (!owned) throw notFound('Transaction');
  const base = baseReceipt(owned);
  if (owned.line.subject?.kind === 'bill_payment') return billReceipt(ctx, owned, base);
  if (owned.line.subject?.kind === 'withdrawal') return withdrawalReceipt(ctx, owned, base);
  return base;
}
