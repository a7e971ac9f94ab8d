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
