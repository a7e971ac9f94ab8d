import type { Db, Tx } from '../db/index.js';
import type { Task } from '../worker/scheduler.js';
import { pruneLoginFailures } from './throttle.js';

/** Sessions that ended (revoked or expired) longer ago than this are deleted with their refresh tokens. */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes stale throttle records and long-ended sessions (their refresh
 * tokens cascade), bounded per call. Returns rows deleted.
 */
export async function pruneIdentity(tx: Tx, limit = 1000): Promise<number> {
  const failures = await pruneLoginFailures(tx, limit);
  const { rowCount } = await tx.query(
    `DELETE FROM identity.sessions WHERE id IN (
       SELECT id FROM identity.sessions
       WHERE LEAST(COALESCE(revoked_at, expires_at), expires_at) < now() - $1::bigint * interval '1 millisecond'
       LIMIT $2)`,
    [ENDED_SESSION_RETENTION_MS, limit],
  );
  return failures + rowCount;
}

export function createIdentityPruneTask(db: Db, intervalMs = 10 * 60_000): Task {
  return { name: 'identity-prune', intervalMs, run: () => db.transaction((tx) => pruneIdentity(tx)) };
}
