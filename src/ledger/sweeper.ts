import { v5 as uuidv5 } from 'uuid';
import type { Db } from '../db/index.js';
import { createTransactions } from './transactions.js';

/** Namespace for ids derived from a hold's id, so the same expiry is never voided twice. */
const EXPIRY_NAMESPACE = '7f1d3c1e-2f0a-4c39-9a53-0c6a1d8e5b21';

/**
 * Voids holds past their expiry, at most `limit` per run. The void's id is
 * derived from the hold's, so two sweepers racing produce one void.
 */
export async function sweepExpiredHolds(db: Db, limit = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM ledger.holds
        WHERE status = 'open' AND expires_at IS NOT NULL AND expires_at <= now()
        ORDER BY expires_at LIMIT $1`,
      [limit],
    );
    if (rows.length === 0) return 0;
    const results = await createTransactions(
      tx,
      rows.map((r) => ({
        id: uuidv5(`expire:${r.id}`, EXPIRY_NAMESPACE),
        kind: 'void' as const,
        pendingId: r.id,
        expiry: true,
        code: 'hold_expired',
      })),
    );
    return results.filter((r) => r.ok && !r.replayed).length;
  });
}
