/** The wallets module's figures for the operators' money dashboard: deposits, transfers, withdrawals. */
import type { Queryable } from '../db/index.js';
import { transferTotals } from '../ledger/index.js';

/** One rail's figures in a period; money in integer minor units. */
export interface RailFigures {
  rail: string;
  currency: string;
  count: number;
  succeeded: number;
  failed: number;
  /** Sum of the succeeded movements' amounts. */
  volume: bigint;
  /** Our fees on the succeeded ones. */
  feeRevenue: bigint;
  successRate: number | null;
  timeToFinalP50Ms: number | null;
  timeToFinalP95Ms: number | null;
}

interface Row {
  rail: string;
  currency: string;
  count: bigint;
  succeeded: bigint;
  failed: bigint;
  volume: string | bigint | null;
  fee: string | bigint | null;
  p50: number | null;
  p95: number | null;
}

function figures(r: Row): RailFigures {
  const succeeded = Number(r.succeeded);
  const final = succeeded + Number(r.failed);
  return {
    rail: r.rail,
    currency: r.currency,
    count: Number(r.count),
    succeeded,
    failed: Number(r.failed),
    volume: BigInt(r.volume ?? 0),
    feeRevenue: BigInt(r.fee ?? 0),
    successRate: final > 0 ? succeeded / final : null,
    timeToFinalP50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
    timeToFinalP95Ms: r.p95 === null ? null : Math.round(Number(r.p95)),
  };
}

const FINAL_MS = (table: string) =>
  `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${table}.updated_at - ${table}.created_at) * 1000)
     FILTER (WHERE ${table}.status IN ('succeeded', 'failed')) AS p50,
   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM ${table}.updated_at - ${table}.created_at) * 1000)
     FILTER (WHERE ${table}.status IN ('succeeded', 'failed')) AS p95`;

/**
 * Deposits per channel (card, bank transfer), wallet-to-wallet transfers and
 * withdrawals created in [from, to), per currency. A flagged deposit counts
 * as neither succeeded nor failed; transfers are instant once posted.
 */
export async function walletMoneyFigures(db: Queryable, from: Date, to: Date): Promise<RailFigures[]> {
  const deposits = await db.query<Row>(
    `SELECT 'deposit_' || d.channel AS rail, d.currency, count(*) AS count,
            count(*) FILTER (WHERE d.status = 'succeeded') AS succeeded,
            count(*) FILTER (WHERE d.status = 'failed') AS failed,
            sum(d.amount) FILTER (WHERE d.status = 'succeeded') AS volume, 0 AS fee, ${FINAL_MS('d')}
       FROM wallets.deposits d WHERE d.created_at >= $1 AND d.created_at < $2
      GROUP BY d.channel, d.currency ORDER BY d.channel, d.currency`,
    [from, to],
  );
  const withdrawals = await db.query<Row>(
    `SELECT 'withdrawal' AS rail, w.currency, count(*) AS count,
            count(*) FILTER (WHERE w.status = 'succeeded') AS succeeded,
            count(*) FILTER (WHERE w.status = 'failed') AS failed,
            sum(w.amount) FILTER (WHERE w.status = 'succeeded') AS volume,
            sum(w.fee) FILTER (WHERE w.status = 'succeeded') AS fee, ${FINAL_MS('w')}
       FROM wallets.withdrawals w WHERE w.created_at >= $1 AND w.created_at < $2
      GROUP BY w.currency ORDER BY w.currency`,
    [from, to],
  );
  const transfers = (await transferTotals(db, from, to)).map(
    (t): RailFigures => ({
      rail: 'transfer',
      currency: t.currency,
      count: t.count,
      succeeded: t.count,
      failed: 0,
      volume: t.volume,
      feeRevenue: 0n,
      successRate: t.count > 0 ? 1 : null,
      timeToFinalP50Ms: null,
      timeToFinalP95Ms: null,
    }),
  );
  return [...deposits.rows.map(figures), ...transfers, ...withdrawals.rows.map(figures)];
}
