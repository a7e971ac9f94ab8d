/**
 * Gateway settlement days: what the payment gateway captured for us (card
 * checkouts and bank transfers to dedicated accounts: every debit of the
 * gateway clearing account), the fees it keeps by its rule table, and what it
 * should therefore pay out to our bank. Read from the ledger journal; a day
 * is closed like a provider day (stored, never changed).
 */
import type { AppContext } from '../context.js';
import type { Queryable, Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { getPostedLines, type PostedLine } from '../ledger/index.js';
import { systemAccountId } from '../wallets/index.js';
import { dayBounds } from './day.js';

export type GatewayChannel = 'card' | 'bank_transfer';

export interface GatewayFeeRule {
  /** Basis points of the amount. */
  percentBps: number;
  /** Added per transaction (minor units). */
  flat: bigint;
  /** The most one transaction pays (0: no cap). */
  cap: bigint;
}

/**
 * Paystack's fees as a rule table (minor units): local cards 1.5% capped at
 * ₦2,000; a transfer to a dedicated account ₦50 flat. Change a row here when
 * the gateway's pricing changes; days already closed keep the fees they had.
 */
export const GATEWAY_FEE_RULES: Readonly<Record<GatewayChannel, GatewayFeeRule>> = {
  card: { percentBps: 150, flat: 0n, cap: 200_000n },
  bank_transfer: { percentBps: 0, flat: 5_000n, cap: 0n },
};

/** The gateway's fee on one captured amount (percent rounded half up, then the cap, never above the amount). */
export function gatewayFee(channel: GatewayChannel, amount: bigint): bigint {
  const rule = GATEWAY_FEE_RULES[channel];
  let fee = (amount * BigInt(rule.percentBps) + 5_000n) / 10_000n + rule.flat;
  if (rule.cap > 0n && fee > rule.cap) fee = rule.cap;
  return fee > amount ? amount : fee;
}

/** A card checkout's deposit carries no channel; bank transfers say so (or went to suspense unmatched). */
export const channelOf = (line: Pick<PostedLine, 'code' | 'metadata'>): GatewayChannel =>
  line.code === 'inbound_unmatched' || line.metadata.channel === 'bank_transfer' ? 'bank_transfer' : 'card';

const CURRENCY = 'NGN';
const CAPTURE_CODES = ['deposit', 'inbound_unmatched'];
/** Pages of 1,000 lines read for one day at most; past it the statement says it is truncated. */
const MAX_PAGES = 200;

export interface GatewayStatement {
  id: string;
  day: string;
  status: 'open' | 'closed';
  currency: string;
  cardCount: number;
  cardGross: bigint;
  cardFees: bigint;
  transferCount: number;
  transferGross: bigint;
  transferFees: bigint;
  feesTotal: bigint;
  /** What the gateway owes our bank for the day: captured - fees. */
  payoutExpected: bigint;
  truncated: boolean;
  closedAt: string | null;
}

/** The gateway's day as it stands now (open). */
export async function computeGatewayStatement(db: Queryable, day: string): Promise<GatewayStatement> {
  const { start, end } = dayBounds(day);
  const sums = { card: { n: 0, gross: 0n, fees: 0n }, bank_transfer: { n: 0, gross: 0n, fees: 0n } };
  let after: bigint | undefined;
  let pages = 0;
  let truncated = false;
  for (;;) {
    const page = await getPostedLines(db as Tx, systemAccountId('gateway_clearing', CURRENCY), {
      from: start,
      to: end,
      side: 'D',
      codes: CAPTURE_CODES,
      ...(after === undefined ? {} : { after }),
    });
    for (const line of page.lines) {
      const channel = channelOf(line);
      const s = sums[channel];
      s.n++;
      s.gross += line.amount;
      s.fees += gatewayFee(channel, line.amount);
    }
    if (page.next === null) break;
    if (++pages >= MAX_PAGES) {
      truncated = true;
      break;
    }
    after = page.next;
  }
  const fees = sums.card.fees + sums.bank_transfer.fees;
  const gross = sums.card.gross + sums.bank_transfer.gross;
  return {
    id: `gateway:${day}`,
    day,
    status: 'open',
    currency: CURRENCY,
    cardCount: sums.card.n,
    cardGross: sums.card.gross,
    cardFees: sums.card.fees,
    transferCount: sums.bank_transfer.n,
    transferGross: sums.bank_transfer.gross,
    transferFees: sums.bank_transfer.fees,
    feesTotal: fees,
    payoutExpected: gross - fees,
    truncated,
    closedAt: null,
  };
}

interface GatewayRow {
  id: string;
  day: string;
  currency: string;
  card_count: number;
  card_gross: bigint;
  card_fees: bigint;
  transfer_count: number;
  transfer_gross: bigint;
  transfer_fees: bigint;
  payout_expected: bigint;
  truncated: boolean;
  closed_at: Date;
}

const fromRow = (r: GatewayRow): GatewayStatement => ({
  id: r.id,
  day: r.day,
  status: 'closed',
  currency: r.currency.trim(),
  cardCount: r.card_count,
  cardGross: r.card_gross,
  cardFees: r.card_fees,
  transferCount: r.transfer_count,
  transferGross: r.transfer_gross,
  transferFees: r.transfer_fees,
  feesTotal: r.card_fees + r.transfer_fees,
  payoutExpected: r.payout_expected,
  truncated: r.truncated,
  closedAt: r.closed_at.toISOString(),
});

const SELECT = `SELECT id, to_char(day, 'YYYY-MM-DD') AS day, currency, card_count, card_gross, card_fees,
  transfer_count, transfer_gross, transfer_fees, payout_expected, truncated, closed_at FROM settlement.gateway_statements`;

/** Stores a gateway day as closed (once). */
export async function closeGatewayDay(db: Queryable, day: string): Promise<boolean> {
  const s = await computeGatewayStatement(db, day);
  const { rows } = await db.query(
    `INSERT INTO settlement.gateway_statements (id, day, currency, card_count, card_gross, card_fees,
       transfer_count, transfer_gross, transfer_fees, payout_expected, truncated)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      s.id,
      s.day,
      s.currency,
      s.cardCount,
      s.cardGross,
      s.cardFees,
      s.transferCount,
      s.transferGross,
      s.transferFees,
      s.payoutExpected,
      s.truncated,
    ],
  );
  return rows.length > 0;
}

export async function gatewayClosed(db: Queryable, day: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM settlement.gateway_statements WHERE id = $1', [
    `gateway:${day}`,
  ]);
  return rows.length > 0;
}

/** Gateway days, newest first: closed ones as stored, the others provisional. */
export async function listGatewayStatements(
  db: Queryable,
  days: readonly string[],
): Promise<GatewayStatement[]> {
  if (days.length === 0) return [];
  const { rows } = await db.query<GatewayRow>(`${SELECT} WHERE id = ANY($1::text[])`, [
    days.map((d) => `gateway:${d}`),
  ]);
  const closed = new Map(rows.map((r) => [r.day, fromRow(r)]));
  const out: GatewayStatement[] = [];
  for (const day of days) out.push(closed.get(day) ?? (await computeGatewayStatement(db, day)));
  return out;
}

export async function getGatewayStatement(
  ctx: AppContext,
  day: string,
  today: string,
): Promise<GatewayStatement> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new AppError('bad_request', 'A day is YYYY-MM-DD');
  if (day > today) throw notFound('Gateway settlement day');
  const [s] = await listGatewayStatements(ctx.db, [day]);
  if (!s) throw notFound('Gateway settlement day');
  return s;
}
