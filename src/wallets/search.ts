import {
  type FoundTransaction,
  type Queryable,
  type SearchCriteria,
  searchWindow,
  windowParams,
} from '../db/index.js';
import { findTransfers } from '../ledger/index.js';

interface MoneyRow {
  id: string;
  reference: string;
  created_at: Date;
  user_id: string;
  amount: bigint;
  currency: string;
  status: string;
  detail: string;
}

const found =
  (type: FoundTransaction['type']) =>
  (r: MoneyRow): FoundTransaction => ({
    type,
    id: r.id,
    reference: r.reference,
    at: r.created_at,
    userId: r.user_id,
    amount: BigInt(r.amount),
    currency: r.currency,
    status: r.status,
    detail: r.detail,
  });

const params = (c: SearchCriteria) => [c.q ?? null, c.userIds, c.amount ?? null, ...windowParams(c), c.limit];

/** Deposits, withdrawals and transfers for the operators' search (see SearchCriteria). */
export async function searchWalletMoney(db: Queryable, c: SearchCriteria): Promise<FoundTransaction[]> {
  const deposits = await db.query<MoneyRow>(
    `SELECT t.id, t.reference, t.created_at, t.user_id, t.amount, t.currency, t.status, t.channel AS detail
       FROM wallets.deposits t
      WHERE ($1::text IS NULL OR t.id::text = $1 OR t.reference = $1 OR t.wallet_id::text = $1
             OR t.user_id = ANY($2::uuid[]))
        AND ($3::bigint IS NULL OR t.amount = $3)
        AND ${searchWindow(4)}
      ORDER BY t.created_at DESC, t.id::text DESC LIMIT $8`,
    params(c),
  );
  const withdrawals = await db.query<MoneyRow>(
    `SELECT t.id, t.reference, t.created_at, t.user_id, t.amount, t.currency, t.status,
            t.bank_code || ' ' || t.account_number || ' ' || t.account_name AS detail
       FROM wallets.withdrawals t
      WHERE ($1::text IS NULL OR t.id::text = $1 OR t.reference = $1 OR t.account_number = $1
             OR t.wallet_id::text = $1 OR t.user_id = ANY($2::uuid[]))
        AND ($3::bigint IS NULL OR t.amount = $3)
        AND ${searchWindow(4)}
      ORDER BY t.created_at DESC, t.id::text DESC LIMIT $8`,
    params(c),
  );
  const transfers = (await findTransfers(db, c)).map((t): FoundTransaction => {
    const m = t.metadata as { from?: { userId?: string; name?: string }; to?: { name?: string } };
    return {
      type: 'transfer',
      id: t.id,
      reference: t.id,
      at: t.createdAt,
      userId: m.from?.userId ?? null,
      amount: t.amount,
      currency: t.currency,
      status: 'completed',
      detail: `${m.from?.name ?? '?'} → ${m.to?.name ?? '?'}`,
    };
  });
  return [...deposits.rows.map(found('deposit')), ...transfers, ...withdrawals.rows.map(found('withdrawal'))];
}
