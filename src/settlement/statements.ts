/**
 * Daily settlement statements, per bill provider and Africa/Lagos day:
 * deliveries and reversals (by when they happened), expected and actual
 * commission, what the float was charged net, the float's opening, top-ups
 * and closing, and the drift seen that day. The current day (and any day not
 * yet closed) is computed on read: provisional. The worker closes a day once
 * its midnight plus SETTLEMENT_GRACE_MS has passed, storing the figures in a
 * row a trigger refuses to change; anything later lands in the day it happens.
 */
import { commissionMismatches, providerDayFigures } from '../bills/index.js';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { lagosDay } from '../limits/index.js';
import { addDays, dayBounds, dayRange } from './day.js';
import { FLOAT_CURRENCY, ourFloatAt, providerNames } from './float.js';
import { closeGatewayDay, gatewayClosed } from './gateway.js';

/** Days back the closing task looks for an unclosed one. */
export const CLOSE_LOOKBACK_DAYS = 7;

export interface Statement {
  id: string;
  provider: string;
  day: string;
  status: 'open' | 'closed';
  currency: string;
  deliveredCount: number;
  deliveredGross: bigint;
  reversedCount: number;
  reversedGross: bigint;
  expectedCommission: bigint;
  actualCommission: bigint;
  commissionMismatchCount: number;
  /** What the float was charged net: delivered - commission - (reversed - commission given back). */
  netOwed: bigint;
  floatOpening: bigint;
  floatTopups: bigint;
  floatClosing: bigint;
  /** The provider's balance minus ours at the day's last check; null when none answered. */
  drift: bigint | null;
  closedAt: string | null;
}

export const clockOf = (ctx: AppContext) => ctx.now?.() ?? new Date();

/** The figures of one provider's day as they stand now (the open statement). */
export async function computeStatement(db: Queryable, provider: string, day: string): Promise<Statement> {
  const { start, end } = dayBounds(day);
  const [f, opening, closing, topups, drift] = await Promise.all([
    providerDayFigures(db, provider, FLOAT_CURRENCY, start, end),
    ourFloatAt(db, provider, new Date(start.getTime() - 1)),
    ourFloatAt(db, provider, new Date(end.getTime() - 1)),
    db.query<{ total: bigint }>(
      `SELECT coalesce(sum(amount), 0)::bigint AS total FROM settlement.float_topups
        WHERE provider = $1 AND created_at >= $2 AND created_at < $3`,
      [provider, start, end],
    ),
    db.query<{ drift: bigint | null }>(
      `SELECT drift FROM settlement.balance_checks
        WHERE provider = $1 AND at >= $2 AND at < $3 AND drift IS NOT NULL ORDER BY id DESC LIMIT 1`,
      [provider, start, end],
    ),
  ]);
  return {
    id: `${provider}:${day}`,
    provider,
    day,
    status: 'open',
    currency: FLOAT_CURRENCY,
    deliveredCount: f.deliveredCount,
    deliveredGross: f.deliveredGross,
    reversedCount: f.reversedCount,
    reversedGross: f.reversedGross,
    expectedCommission: f.expectedCommission,
    actualCommission: f.actualCommission,
    commissionMismatchCount: f.commissionMismatchCount,
    netOwed: f.deliveredGross - f.actualCommission - (f.reversedGross - f.reversedCommission),
    floatOpening: opening,
    floatTopups: topups.rows[0]?.total ?? 0n,
    floatClosing: closing,
    drift: drift.rows[0]?.drift ?? null,
    closedAt: null,
  };
}

interface StatementRow {
  id: string;
  provider: string;
  day: string;
  currency: string;
  delivered_count: number;
  delivered_gross: bigint;
  reversed_count: number;
  reversed_gross: bigint;
  expected_commission: bigint;
  actual_commission: bigint;
  commission_mismatch_count: number;
  net_owed: bigint;
  float_opening: bigint;
  float_topups: bigint;
  float_closing: bigint;
  drift: bigint | null;
  closed_at: Date;
}

const fromRow = (r: StatementRow): Statement => ({
  id: r.id,
  provider: r.provider,
  day: r.day,
  status: 'closed',
  currency: r.currency.trim(),
  deliveredCount: r.delivered_count,
  deliveredGross: r.delivered_gross,
  reversedCount: r.reversed_count,
  reversedGross: r.reversed_gross,
  expectedCommission: r.expected_commission,
  actualCommission: r.actual_commission,
  commissionMismatchCount: r.commission_mismatch_count,
  netOwed: r.net_owed,
  floatOpening: r.float_opening,
  floatTopups: r.float_topups,
  floatClosing: r.float_closing,
  drift: r.drift,
  closedAt: r.closed_at.toISOString(),
});

const SELECT_CLOSED = `SELECT id, provider, to_char(day, 'YYYY-MM-DD') AS day, currency, delivered_count, delivered_gross,
  reversed_count, reversed_gross, expected_commission, actual_commission, commission_mismatch_count, net_owed,
  float_opening, float_topups, float_closing, drift, closed_at FROM settlement.statements`;

/** Stores a day's figures as its closed statement; a second close of the same day changes nothing. */
async function storeClosed(db: Queryable, s: Statement): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO settlement.statements (id, provider, day, currency, delivered_count, delivered_gross,
       reversed_count, reversed_gross, expected_commission, actual_commission, commission_mismatch_count, net_owed,
       float_opening, float_topups, float_closing, drift)
     VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      s.id,
      s.provider,
      s.day,
      s.currency,
      s.deliveredCount,
      s.deliveredGross,
      s.reversedCount,
      s.reversedGross,
      s.expectedCommission,
      s.actualCommission,
      s.commissionMismatchCount,
      s.netOwed,
      s.floatOpening,
      s.floatTopups,
      s.floatClosing,
      s.drift,
    ],
  );
  return rows.length > 0;
}

/**
 * The worker's task: closes every day of the last CLOSE_LOOKBACK_DAYS whose
 * midnight plus the grace period has passed, for every provider. Returns the
 * statements it closed.
 */
export async function closeSettlementDays(ctx: AppContext): Promise<string[]> {
  const now = clockOf(ctx);
  const due: string[] = [];
  for (let back = CLOSE_LOOKBACK_DAYS; back >= 1; back--) {
    const day = addDays(lagosDay(now), -back);
    if (now.getTime() >= dayBounds(day).end.getTime() + ctx.config.settlementGraceMs) due.push(day);
  }
  const closed: string[] = [];
  for (const day of due) {
    if (!(await gatewayClosed(ctx.db, day)) && (await closeGatewayDay(ctx.db, day)))
      closed.push(`gateway:${day}`);
    for (const provider of providerNames(ctx)) {
      const { rows } = await ctx.db.query('SELECT 1 FROM settlement.statements WHERE id = $1', [
        `${provider}:${day}`,
      ]);
      if (rows.length > 0) continue;
      if (await storeClosed(ctx.db, await computeStatement(ctx.db, provider, day)))
        closed.push(`${provider}:${day}`);
    }
  }
  if (closed.length > 0) ctx.log.info({ closed }, 'settlement days closed');
  return closed;
}

/** Statements of the providers asked for, newest day first: closed ones as stored, the others provisional. */
export async function listStatements(
  ctx: AppContext,
  q: { provider?: string; from?: string; to?: string },
): Promise<Statement[]> {
  const days = dayRange(lagosDay(clockOf(ctx)), q);
  if (q.provider && !providerNames(ctx).includes(q.provider)) throw notFound(`Provider ${q.provider}`);
  const providers = q.provider ? [q.provider] : providerNames(ctx);
  const { rows } = await ctx.db.query<StatementRow>(
    `${SELECT_CLOSED} WHERE provider = ANY($1::text[]) AND day = ANY($2::date[])`,
    [providers, days],
  );
  const closed = new Map(rows.map((r) => [r.id, fromRow(r)]));
  const out: Statement[] = [];
  for (const day of days) {
    for (const provider of providers) {
      out.push(closed.get(`${provider}:${day}`) ?? (await computeStatement(ctx.db, provider, day)));
    }
  }
  return out;
}

/** One statement by id (`<provider>:<YYYY-MM-DD>`), with the deliveries whose commission did not match. */
export async function getStatement(ctx: AppContext, id: string) {
  const m = /^([a-z0-9-]{2,32}):(\d{4}-\d{2}-\d{2})$/.exec(id);
  const provider = m?.[1];
  const day = m?.[2];
  if (!provider || !day || !providerNames(ctx).includes(provider) || day > lagosDay(clockOf(ctx)))
    throw notFound('Settlement statement');
  const { rows } = await ctx.db.query<StatementRow>(`${SELECT_CLOSED} WHERE id = $1`, [id]);
  const statement = rows[0] ? fromRow(rows[0]) : await computeStatement(ctx.db, provider, day);
  const { start, end } = dayBounds(day);
  return { ...statement, mismatches: await commissionMismatches(ctx.db, provider, start, end, 100) };
}

const CSV_FIELDS: (keyof Statement)[] = [
  'id',
  'provider',
  'day',
  'status',
  'currency',
  'deliveredCount',
  'deliveredGross',
  'reversedCount',
  'reversedGross',
  'expectedCommission',
  'actualCommission',
  'commissionMismatchCount',
  'netOwed',
  'floatOpening',
  'floatTopups',
  'floatClosing',
  'drift',
  'closedAt',
];

/** A statement as CSV: its figures (amounts in minor units), then the commission mismatches. */
export async function statementCsv(ctx: AppContext, id: string): Promise<string> {
  const s = await getStatement(ctx, id);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = [
    CSV_FIELDS.join(','),
    CSV_FIELDS.map((f) => cell(s[f])).join(','),
    '',
    'paymentId,providerRef,amount,expectedCommission,actualCommission,deliveredAt',
    ...s.mismatches.map((x) =>
      [x.paymentId, x.providerRef, x.amount, x.expected, cell(x.actual), x.deliveredAt].join(','),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
