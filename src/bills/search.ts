import {
  type FoundTransaction,
  type Queryable,
  type SearchCriteria,
  searchWindow,
  windowParams,
} from '../db/index.js';

/** Bill payments for the operators' search: by id, provider reference, meter/phone, person, amount, date. */
export async function searchBillPayments(db: Queryable, c: SearchCriteria): Promise<FoundTransaction[]> {
  const { rows } = await db.query<{
    id: string;
    provider_ref: string;
    created_at: Date;
    user_id: string;
    amount: bigint;
    currency: string;
    status: string;
    biller_id: string;
    customer_ref: string;
  }>(
    `SELECT t.id, t.provider_ref, t.created_at, t.user_id, t.amount, t.currency, t.status, t.biller_id, t.customer_ref
       FROM bills.payments t
      WHERE ($1::text IS NULL OR t.id::text = $1 OR t.provider_ref = $1 OR t.customer_ref = $1
             OR t.user_id = ANY($2::uuid[]))
        AND ($3::bigint IS NULL OR t.amount = $3)
        AND ${searchWindow(4)}
      ORDER BY t.created_at DESC, t.id::text DESC LIMIT $8`,
    [c.q ?? null, c.userIds, c.amount ?? null, ...windowParams(c), c.limit],
  );
  return rows.map((r) => ({
    type: 'bill_payment',
    id: r.id,
    reference: r.provider_ref,
    at: r.created_at,
    userId: r.user_id,
    amount: BigInt(r.amount),
    currency: r.currency,
    status: r.status,
    detail: `${r.biller_id} ${r.customer_ref}`,
  }));
}
