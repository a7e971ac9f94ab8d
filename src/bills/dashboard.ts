import type { Queryable } from '../db/index.js';

/** Payments per minute, success rate and time to a final state over the last `minutes`. */
export async function dashboard(db: Queryable, minutes = 60) {
  const window = Math.min(Math.max(minutes, 5), 24 * 60);
  const { rows } = await db.query<{ minute: Date; count: bigint; succeeded: bigint; failed: bigint }>(
    `SELECT date_trunc('minute', created_at) AS minute, count(*) AS count,
            count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
            count(*) FILTER (WHERE status IN ('failed', 'reversed')) AS failed
       FROM bills.payments WHERE created_at > now() - make_interval(mins => $1)
      GROUP BY 1 ORDER BY 1`,
    [window],
  );
  const { rows: totals } = await db.query<{
    total: bigint;
    succeeded: bigint;
    final: bigint;
    p50: number | null;
    p95: number | null;
    open: bigint;
    review: bigint;
  }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
            count(*) FILTER (WHERE finalized_at IS NOT NULL) AS final,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finalized_at - created_at) * 1000)
              FILTER (WHERE finalized_at IS NOT NULL) AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM finalized_at - created_at) * 1000)
              FILTER (WHERE finalized_at IS NOT NULL) AS p95,
            count(*) FILTER (WHERE status IN ('pending', 'processing')) AS open,
            count(*) FILTER (WHERE status = 'needs_review') AS review
       FROM bills.payments WHERE created_at > now() - make_interval(mins => $1)`,
    [window],
  );
  const t = totals[0];
  const final = Number(t?.final ?? 0n);
  return {
    minutes: window,
    paymentsPerMinute: rows.map((r) => ({
      minute: r.minute.toISOString(),
      count: Number(r.count),
      succeeded: Number(r.succeeded),
      failed: Number(r.failed),
    })),
    total: Number(t?.total ?? 0n),
    successRate: final > 0 ? Number(t?.succeeded ?? 0n) / final : null,
    timeToFinalP50Ms: t?.p50 === null || t?.p50 === undefined ? null : Math.round(Number(t.p50)),
    timeToFinalP95Ms: t?.p95 === null || t?.p95 === undefined ? null : Math.round(Number(t.p95)),
    inFlight: Number(t?.open ?? 0n),
    needsReview: Number(t?.review ?? 0n),
  };
}

/** One category's bill payments created in a period, with money in integer minor units. */
export interface BillCategoryFigures {
  category: string;
  currency: string;
  count: number;
  succeeded: number;
  failed: number;
  /** Sum of the succeeded payments' amounts. */
  volume: bigint;
  /** Our fees on the succeeded payments. */
  feeRevenue: bigint;
  /** The providers' commission on the succeeded payments (as reconciled where known). */
  commissionRevenue: bigint;
  /** Succeeded out of those that reached a final state; null with none. */
  successRate: number | null;
  timeToFinalP50Ms: number | null;
  timeToFinalP95Ms: number | null;
}

/** Bill payments created in [from, to) per category and currency: the money figures of the dashboard. */
export async function billMoneyFigures(db: Queryable, from: Date, to: Date): Promise<BillCategoryFigures[]> {
  const { rows } = await db.query<{
    category: string;
    currency: string;
    count: bigint;
    succeeded: bigint;
    failed: bigint;
    volume: bigint | null;
    fee: bigint | null;
    commission: bigint | null;
    p50: number | null;
    p95: number | null;
  }>(
    `SELECT b.category, p.currency, count(*) AS count,
            count(*) FILTER (WHERE p.status = 'succeeded') AS succeeded,
            count(*) FILTER (WHERE p.status IN ('failed', 'reversed')) AS failed,
            sum(p.amount) FILTER (WHERE p.status = 'succeeded') AS volume,
            sum(p.fee) FILTER (WHERE p.status = 'succeeded') AS fee,
            sum(coalesce(p.commission_actual, p.commission)) FILTER (WHERE p.status = 'succeeded') AS commission,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.finalized_at - p.created_at) * 1000)
              FILTER (WHERE p.finalized_at IS NOT NULL) AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM p.finalized_at - p.created_at) * 1000)
              FILTER (WHERE p.finalized_at IS NOT NULL) AS p95
       FROM bills.payments p JOIN bills.billers b ON b.id = p.biller_id
      WHERE p.created_at >= $1 AND p.created_at < $2
      GROUP BY b.category, p.currency ORDER BY b.category, p.currency`,
    [from, to],
  );
  return rows.map((r) => {
    const succeeded = Number(r.succeeded);
    const final = succeeded + Number(r.failed);
    return {
      category: r.category,
      currency: r.currency,
      count: Number(r.count),
      succeeded,
      failed: Number(r.failed),
      volume: BigInt(r.volume ?? 0n),
      feeRevenue: BigInt(r.fee ?? 0n),
      commissionRevenue: BigInt(r.commission ?? 0n),
      successRate: final > 0 ? succeeded / final : null,
      timeToFinalP50Ms: r.p50 === null ? null : Math.round(Number(r.p50)),
      timeToFinalP95Ms: r.p95 === null ? null : Math.round(Number(r.p95)),
    };
  });
}
