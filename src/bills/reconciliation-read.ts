/** Bill payments as a provider's report lists them: what reconciliation reads of this module. */
import type { Queryable } from '../db/index.js';

export interface PaymentForReconciliation {
  id: string;
  /** The provider reference (VTpass request_id). */
  reference: string;
  amount: bigint;
  currency: string;
  status: string;
  /** When it was sent to the provider. */
  date: Date;
}

/**
 * Payments sent to one provider in [from, to), oldest first, at most `limit`
 * (the caller asks for one more than it accepts to see a period too large).
 * A payment never sent is not the provider's to know, so it is left out.
 */
export async function listPaymentsForReconciliation(
  db: Queryable,
  provider: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<PaymentForReconciliation[]> {
  const { rows } = await db.query<PaymentForReconciliation>(
    `SELECT id, provider_ref AS reference, amount, currency, status, sent_at AS date
       FROM bills.payments
      WHERE provider = $1 AND sent_at IS NOT NULL AND sent_at >= $2 AND sent_at < $3
        AND created_at >= $2::timestamptz - interval '1 day' AND created_at < $3
      ORDER BY sent_at, id LIMIT $4`,
    [provider, from, to, limit],
  );
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}
