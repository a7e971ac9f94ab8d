import {
  type FoundTransaction,
  type Queryable,
  type SearchCriteria,
  searchWindow,
  windowParams,
} from '../db/index.js';

/** Disputes for the operators' search: by tracking number, id, subject id, person, amount, date. */
export async function searchDisputes(db: Queryable, c: SearchCriteria): Promise<FoundTransaction[]> {
  const { rows } = await db.query<{
    id: string;
    tracking_number: string;
    created_at: Date;
    user_id: string;
    amount: bigint;
    currency: string;
    status: string;
    subject_type: string;
    subject_id: string;
  }>(
    `SELECT t.id, t.tracking_number, t.created_at, t.user_id, t.amount, t.currency, t.status, t.subject_type, t.subject_id
       FROM disputes.disputes t
      WHERE ($1::text IS NULL OR t.id::text = $1 OR upper(t.tracking_number) = upper($1) OR t.subject_id::text = $1
             OR t.user_id = ANY($2::uuid[]))
        AND ($3::bigint IS NULL OR t.amount = $3)
        AND ${searchWindow(4)}
      ORDER BY t.created_at DESC, t.id::text DESC LIMIT $8`,
    [c.q ?? null, c.userIds, c.amount ?? null, ...windowParams(c), c.limit],
  );
  return rows.map((r) => ({
    type: 'dispute',
    id: r.id,
    reference: r.tracking_number,
    at: r.created_at,
    userId: r.user_id,
    amount: BigInt(r.amount),
    currency: r.currency,
    status: r.status,
    detail: `${r.subject_type} ${r.subject_id}`,
  }));
}
