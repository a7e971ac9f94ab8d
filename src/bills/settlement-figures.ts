/**
 * What settlement needs of bill payments, per provider and time window:
 * deliveries and reversals-after-delivery by the time they happened (their
 * events), with the commission expected and the one the provider paid.
 */
import type { Queryable } from '../db/index.js';

export interface ProviderDayFigures {
  deliveredCount: number;
  deliveredGross: bigint;
  expectedCommission: bigint;
  actualCommission: bigint;
  /** Deliveries whose commission differs from the one expected. */
  commissionMismatchCount: number;
  reversedCount: number;
  reversedGross: bigint;
  /** Commission the provider took back with its reversals. */
  reversedCommission: bigint;
}

interface FiguresRow {
  delivered_count: number;
  delivered_gross: bigint;
  expected_commission: bigint;
  actual_commission: bigint;
  mismatch_count: number;
  reversed_count: number;
  reversed_gross: bigint;
  reversed_commission: bigint;
}

/**
 * Figures of one provider's payments in [start, end): a delivery counts when
 * its `succeeded` event falls in the window, a reversal when its `reversed`
 * event does and the payment had been delivered (a reversal before delivery
 * never charged the float). So a reversal the day after lands in that day.
 */
export async function providerDayFigures(
  db: Queryable,
  provider: string,
  currency: string,
  start: Date,
  end: Date,
): Promise<ProviderDayFigures> {
  const { rows } = await db.query<FiguresRow>(
    `WITH delivered AS (
       SELECT p.amount, p.commission, coalesce(p.commission_actual, 0) AS actual, p.commission_actual
         FROM bills.payment_events e JOIN bills.payments p ON p.id = e.payment_id
        WHERE e.status = 'succeeded' AND e.at >= $3 AND e.at < $4 AND p.provider = $1 AND p.currency = $2
     ), reversed AS (
       SELECT p.amount, coalesce(p.commission_actual, 0) AS actual
         FROM bills.payment_events e JOIN bills.payments p ON p.id = e.payment_id
        WHERE e.status = 'reversed' AND e.at >= $3 AND e.at < $4 AND p.provider = $1 AND p.currency = $2
          AND EXISTS (SELECT 1 FROM bills.payment_events s
                       WHERE s.payment_id = e.payment_id AND s.status = 'succeeded' AND s.id < e.id)
     )
     SELECT (SELECT count(*)::int FROM delivered) AS delivered_count,
            (SELECT coalesce(sum(amount), 0)::bigint FROM delivered) AS delivered_gross,
            (SELECT coalesce(sum(commission), 0)::bigint FROM delivered) AS expected_commission,
            (SELECT coalesce(sum(actual), 0)::bigint FROM delivered) AS actual_commission,
            (SELECT count(*)::int FROM delivered WHERE commission_actual IS DISTINCT FROM commission) AS mismatch_count,
            (SELECT count(*)::int FROM reversed) AS reversed_count,
            (SELECT coalesce(sum(amount), 0)::bigint FROM reversed) AS reversed_gross,
            (SELECT coalesce(sum(actual), 0)::bigint FROM reversed) AS reversed_commission`,
    [provider, currency, start, end],
  );
  const r = rows[0] as FiguresRow;
  return {
    deliveredCount: Number(r.delivered_count),
    deliveredGross: r.delivered_gross,
    expectedCommission: r.expected_commission,
    actualCommission: r.actual_commission,
    commissionMismatchCount: Number(r.mismatch_count),
    reversedCount: Number(r.reversed_count),
    reversedGross: r.reversed_gross,
    reversedCommission: r.reversed_commission,
  };
}

export interface CommissionMismatch {
  paymentId: string;
  providerRef: string;
  amount: bigint;
  expected: bigint;
  actual: bigint | null;
  deliveredAt: string;
}

/** The deliveries of [start, end) whose commission differs from the one expected (at most `limit`). */
export async function commissionMismatches(
  db: Queryable,
  provider: string,
  start: Date,
  end: Date,
  limit = 100,
): Promise<CommissionMismatch[]> {
  const { rows } = await db.query<{
    id: string;
    provider_ref: string;
    amount: bigint;
    commission: bigint;
    commission_actual: bigint | null;
    at: Date;
  }>(
    `SELECT p.id, p.provider_ref, p.amount, p.commission, p.commission_actual, e.at
       FROM bills.payment_events e JOIN bills.payments p ON p.id = e.payment_id
      WHERE e.status = 'succeeded' AND e.at >= $2 AND e.at < $3 AND p.provider = $1
        AND p.commission_actual IS DISTINCT FROM p.commission
      ORDER BY e.at, p.id LIMIT $4`,
    [provider, start, end, Math.min(Math.max(limit, 1), 500)],
  );
  return rows.map((r) => ({
    paymentId: r.id,
    providerRef: r.provider_ref,
    amount: r.amount,
    expected: r.commission,
    actual: r.commission_actual,
    deliveredAt: r.at.toISOString(),
  }));
}
