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
