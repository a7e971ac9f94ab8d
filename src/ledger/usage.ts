import type { Tx } from '../db/index.js';

/**
 * Money that left these accounts in [from, to): posted debits plus the
 * pending debits of holds placed in the window and still open (money
 * promised, e.g. a bill payment in flight). A hold counts once: while open by
 * its pending line, once posted by its posted line (on the day it was
 * posted); a voided or expired hold counts nothing. Refunds and other
 * credits do not give usage back. For spending limits (KYC daily debits).
 */
export async function getDebitsBetween(
  tx: Tx,
  accountIds: readonly string[],
  from: Date,
  to: Date,
): Promise<bigint> {
  if (accountIds.length === 0) return 0n;
  const { rows } = await tx.query<{ used: bigint }>(
    `SELECT coalesce(sum(p.amount), 0)::bigint AS used
       FROM ledger.postings p
       LEFT JOIN ledger.holds h ON p.pending AND h.id = p.transaction_id
      WHERE p.account_id = ANY ($1::uuid[]) AND p.side = 'D'
        AND p.created_at >= $2 AND p.created_at < $3
        AND (NOT p.pending OR (p.amount > 0 AND h.status = 'open'))`,
    [accountIds, from, to],
  );
  return rows[0]?.used ?? 0n;
}
