import type { Tx } from '../db/index.js';
import { decodeSeq } from '../http/pagination.js';
import { getHistory, type HistoryLine, isUuid, type Side, walletPostingsOf } from '../ledger/index.js';

export type LineType =
  | 'deposit'
  | 'transfer_in'
  | 'transfer_out'
  | 'withdrawal'
  | 'bill_payment'
  | 'refund'
  | 'fee'
  | 'adjustment';

export interface WalletLine {
  id: string;
  transactionId: string;
  type: LineType;
  direction: 'credit' | 'debit';
  amount: bigint;
  currency: string;
  balanceAfter: bigint;
  status: 'completed' | 'pending' | 'released';
  counterparty: { name?: string; walletId?: string } | null;
  /** What the line is about, for the person: the bill, the bank, the channel (see subjectOf). */
  subject: LineSubject | null;
  description: string;
  reference: string;
  createdAt: string;
}

/**
 * What a statement line is about, read from the metadata its transaction was
 * written with: a bill (biller, customer reference, the payment to open for
 * its token), a withdrawal (bank and masked account), a deposit (card or bank
 * transfer, and who sent it), a transfer (the other person's wallet).
 */
export interface LineSubject {
  kind: 'bill_payment' | 'withdrawal' | 'deposit' | 'transfer';
  paymentId?: string;
  billerName?: string;
  customerReference?: string;
  withdrawalId?: string;
  bankName?: string;
  /** Masked: the last four digits only. */
  accountNumber?: string;
  depositId?: string;
  channel?: 'card' | 'bank_transfer';
  senderName?: string;
  senderBank?: string;
  walletId?: string;
}

/** An account number as a statement shows it: ******6789. */
export const maskAccountNumber = (n: string) =>
  n.length > 4 ? `${'*'.repeat(n.length - 4)}${n.slice(-4)}` : n;

export type LineMetadata = {
  description?: string;
  reference?: string;
  from?: { walletId?: string; name?: string };
  to?: { walletId?: string; name?: string };
  counterparty?: { name?: string };
  paymentId?: string;
  biller?: { name?: string };
  customerRef?: string;
  withdrawalId?: string;
  bank?: { name?: string };
  accountNumber?: string;
  depositId?: string;
  channel?: string;
  sender?: { name?: string; bank?: string };
};

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Drops the keys left undefined, so the JSON carries only what is known. */
function compact(subject: LineSubject): LineSubject {
  return Object.fromEntries(Object.entries(subject).filter(([, v]) => v !== undefined)) as LineSubject;
}

export function subjectOf(type: LineType, m: LineMetadata): LineSubject | null {
  if (str(m.paymentId))
    return compact({
      kind: 'bill_payment',
      paymentId: m.paymentId,
      billerName: str(m.biller?.name) ?? str(m.counterparty?.name),
      customerReference: str(m.customerRef),
    });
  if (str(m.withdrawalId))
    return compact({
      kind: 'withdrawal',
      withdrawalId: m.withdrawalId,
      bankName: str(m.bank?.name),
      accountNumber: str(m.accountNumber) && maskAccountNumber(m.accountNumber as string),
    });
  if (str(m.depositId))
    return compact({
      kind: 'deposit',
      depositId: m.depositId,
      channel: m.channel === 'bank_transfer' ? 'bank_transfer' : 'card',
      senderName: str(m.sender?.name),
      senderBank: str(m.sender?.bank),
    });
  if (type === 'transfer_in' || type === 'transfer_out') {
    const other = type === 'transfer_in' ? m.from : m.to;
    return compact({ kind: 'transfer', walletId: str(other?.walletId) });
  }
  return null;
}

/** Ledger codes and sides behind each customer-facing type (for filtering in SQL). */
const TYPES: Record<LineType, { codes: string[]; side?: Side }> = {
  deposit: { codes: ['deposit'] },
  transfer_in: { codes: ['transfer'], side: 'C' },
  transfer_out: { codes: ['transfer'], side: 'D' },
  withdrawal: { codes: ['withdrawal'] },
  bill_payment: { codes: ['bill_payment'] },
  refund: { codes: ['bill_refund', 'bill_reversal', 'withdrawal_reversal', 'refund'] },
  fee: { codes: ['fee'] },
  adjustment: { codes: ['adjustment', 'hold_expired'] },
};
export const LINE_TYPES = Object.keys(TYPES) as LineType[];

function typeOf(line: HistoryLine): LineType {
  if (line.code === 'transfer') return line.side === 'C' ? 'transfer_in' : 'transfer_out';
  for (const [type, spec] of Object.entries(TYPES))
    if (spec.codes.includes(line.code)) return type as LineType;
  return 'adjustment';
}

function toLine(line: HistoryLine, currency: string): WalletLine {
  const m = line.metadata as LineMetadata;
  const type = typeOf(line);
  const other = type === 'transfer_in' ? m.from : type === 'transfer_out' ? m.to : m.counterparty;
  const status = !line.pending ? 'completed' : line.holdStatus === 'open' ? 'pending' : 'released';
  return {
    id: line.postingId.toString(),
    transactionId: line.transactionId,
    type,
    direction: line.side === 'C' ? 'credit' : 'debit',
    amount: line.amount,
    currency,
    balanceAfter: line.balanceAfter,
    status,
    counterparty: other
      ? {
          name: other.name,
          ...('walletId' in other && typeof other.walletId === 'string' ? { walletId: other.walletId } : {}),
        }
      : null,
    subject: subjectOf(type, m),
    description: m.description ?? type.replaceAll('_', ' '),
    reference: m.reference ?? line.transactionId,
    createdAt: line.createdAt.toISOString(),
  };
}

export interface LinesQuery {
  cursor?: string;
  limit?: number;
  type?: LineType;
  status?: WalletLine['status'];
  from?: Date;
  to?: Date;
}

/** A page of a wallet's history, newest first, one line per movement, with the running balance. */
export async function walletLines(
  tx: Tx,
  walletId: string,
  currency: string,
  q: LinesQuery,
): Promise<{ data: WalletLine[]; nextCursor: string | null }> {
  const spec = q.type ? TYPES[q.type] : undefined;
  // A posting id; one past the bigint range would reach PostgreSQL as an overflow (a 500).
  const before = q.cursor !== undefined ? BigInt(decodeSeq(q.cursor)) : undefined;
  const page = await getHistory(tx, walletId, {
    before,
    limit: q.limit,
    codes: spec?.codes,
    side: spec?.side,
    from: q.from,
    to: q.to,
    customerView: true,
  });
  let data = page.lines.map((l) => toLine(l, currency));
  if (q.status) data = data.filter((l) => l.status === q.status);
  return { data, nextCursor: page.nextCursor === null ? null : page.nextCursor.toString() };
}

/** A statement line read for a receipt, with the wallet and person it belongs to. */
export interface OwnedLine {
  line: WalletLine;
  walletId: string;
  userId: string;
}

/**
 * The statement line a ledger transaction made on a person's wallet (its
 * `transactionId`), as `/transactions` shows it. With `ownerId`, only that
 * person's; without (staff), the first wallet it touched. A transaction the
 * customer view hides (a hold's release) has no line: undefined.
 */
export async function lineOfTransaction(
  tx: Tx,
  transactionId: string,
  ownerId?: string,
): Promise<OwnedLine | undefined> {
  if (!isUuid(transactionId)) return undefined;
  const postings = (await walletPostingsOf(tx, transactionId)).filter(
    (p) => ownerId === undefined || p.ownerId === ownerId,
  );
  for (const p of postings) {
    // The page that starts at this posting: its first line is this posting, if the view shows it.
    const page = await getHistory(tx, p.accountId, {
      before: p.postingId + 1n,
      limit: 1,
      customerView: true,
    });
    const found = page.lines[0];
    if (found?.postingId !== p.postingId) continue;
    return { line: toLine(found, p.currency), walletId: p.accountId, userId: p.ownerId };
  }
  return undefined;
}

/**
 * A text cell. One a spreadsheet would read as a formula (leading = + - @, tab or CR) is
 * neutralised with a leading apostrophe and quoted; one holding a quote, comma or line break is quoted.
 */
export function csvText(v: string): string {
  const neutral = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return neutral !== v || /[",\n\r]/.test(v) ? `"${neutral.replaceAll('"', '""')}"` : v;
}

/** An amount cell: a plain number (`-500.00` for a debit), which no spreadsheet runs as a formula. */
export function csvAmount(minor: bigint): string {
  return minorToDecimal(minor);
}

/** Who the money went to or came from, as a statement cell: the name, with the bank and masked account. */
export function counterpartyCell(l: WalletLine): string {
  const s = l.subject;
  const name = l.counterparty?.name ?? s?.senderName ?? s?.billerName ?? '';
  const bank = [s?.bankName ?? s?.senderBank, s?.accountNumber].filter(Boolean).join(' ');
  return bank ? `${name}${name ? ' · ' : ''}${bank}` : name;
}

/** One statement line as a CSV row: amounts as numbers, everything else as neutralised text. */
export function statementRow(l: WalletLine): string {
  return [
    csvText(l.createdAt),
    csvText(l.type),
    csvText(l.description),
    csvText(l.reference),
    csvText(counterpartyCell(l)),
    csvText(l.direction),
    csvAmount(l.direction === 'debit' ? -l.amount : l.amount),
    csvText(l.currency),
    csvAmount(l.balanceAfter),
    csvText(l.status),
  ].join(',');
}

/** Formats minor units as a plain decimal string (no float). */
export function minorToDecimal(minor: bigint, exponent = 2): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  if (exponent === 0) return `${negative ? '-' : ''}${abs}`;
  const s = abs.toString().padStart(exponent + 1, '0');
  return `${negative ? '-' : ''}${s.slice(0, -exponent)}.${s.slice(-exponent)}`;
}

/** A CSV statement of a wallet between two dates (at most `maxLines`, newest first). */
export async function statementCsv(
  tx: Tx,
  walletId: string,
  currency: string,
  from?: Date,
  to?: Date,
  maxLines = 10_000,
) {
  const header =
    'date,type,description,reference,counterparty,direction,amount,currency,balance_after,status';
  const rows: string[] = [header];
  let cursor: string | undefined;
  while (rows.length <= maxLines) {
    const page = await walletLines(tx, walletId, currency, { cursor, limit: 100, from, to });
    for (const l of page.data) rows.push(statementRow(l));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return `${rows.join('\n')}\n`;
}
