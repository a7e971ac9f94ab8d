/** Deposits and withdrawals as the gateway's and the bank's reports list them: what reconciliation reads here. */
import type { Queryable } from '../db/index.js';

export interface MovementForReconciliation {
  id: string;
  /** Ours, which the gateway or the payout provider was given. */
  reference: string;
  amount: bigint;
  currency: string;
  status: string;
  date: Date;
}

/** Deposits created in [from, to), oldest first, at most `limit`. */
export async function listDepositsForReconciliation(
  db: Queryable,
  from: Date,
  to: Date,
  limit: number,
): Promise<MovementForReconciliation[]> {
  const { rows } = await db.query<MovementForReconciliation>(
    `SELECT id, reference, amount, currency, status, created_at AS date FROM wallets.deposits
      WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id LIMIT $3`,
    [from, to, limit],
  );
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/**
 * Withdrawals sent to the payout provider in [from, to), oldest first, at most
 * `limit`; the amount is what reached the bank (the fee stays with us). One
 * never sent is not the bank's to know.
 */
export async function listWithdrawalsForReconciliation(
  db: Queryable,
  from: Date,
  to: Date,
  limit: number,
): Promise<MovementForReconciliation[]> {
  const { rows } = await db.query<MovementForReconciliation>(
    `SELECT id, reference, amount, currency, status, sent_at AS date FROM wallets.withdrawals
      WHERE sent_at IS NOT NULL AND sent_at >= $1 AND sent_at < $2
        AND created_at >= $1::timestamptz - interval '1 day' AND created_at < $2
      ORDER BY sent_at, id LIMIT $3`,
    [from, to, limit],
  );
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}
