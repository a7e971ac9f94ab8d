import type { Queryable } from '../db/index.js';

/** The calls made to providers for one payment, oldest first (validate, vend, requery). */
export async function providerCalls(db: Queryable, paymentId: string) {
  const { rows } = await db.query<{
    op: string;
    at: Date;
    outcome: string;
    code: string | null;
    message: string | null;
    latency_ms: number;
    provider: string;
  }>(
    'SELECT op, at, outcome, code, message, latency_ms, provider FROM bills.provider_calls WHERE payment_id = $1 ORDER BY id',
    [paymentId],
  );
  return rows.map((c) => ({
    op: c.op,
    provider: c.provider,
    at: c.at.toISOString(),
    outcome: c.outcome,
    code: c.code,
    message: c.message,
    latencyMs: c.latency_ms,
  }));
}

/** Recorded calls per provider over a period: what the providers page shows. */
export interface RecordedCallStats {
  provider: string;
  calls: number;
  successes: number;
  /** Share of the calls that came back successful; null with none. */
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** How far back the providers page looks in the recorded calls. */
export const PROVIDER_STATS_HOURS = 24;

/**
 * Success rate and latency percentiles per provider from bills.provider_calls
 * since `since`. The breaker's own figures cover only its last minute in this
 * process, so they read "—" as soon as traffic pauses; these are the calls the
 * database holds, whichever process made them. Resend markers are not calls.
 */
export async function recordedCallStats(db: Queryable, since: Date): Promise<RecordedCallStats[]> {
  const { rows } = await db.query<{
    provider: string;
    calls: string;
    successes: string;
    p50: number | null;
    p95: number | null;
  }>(
    `SELECT provider, count(*)::text AS calls,
            count(*) FILTER (WHERE outcome = 'success')::text AS successes,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
            percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
       FROM bills.provider_calls
      WHERE at >= $1 AND outcome <> 'resending'
      GROUP BY provider ORDER BY provider`,
    [since],
  );
  return rows.map((r) => {
    const calls = Number(r.calls);
    const successes = Number(r.successes);
    return {
      provider: r.provider,
      calls,
      successes,
      successRate: calls === 0 ? null : successes / calls,
      p50Ms: r.p50 === null ? null : Number(r.p50),
      p95Ms: r.p95 === null ? null : Number(r.p95),
    };
  });
}
