import type { Db, Tx } from '../db/index.js';
import type { Task } from '../worker/scheduler.js';
import { pruneLoginFailures } from './throttle.js';

/** Sessions that ended (revoked or expired) longer ago than this are deleted with their refresh tokens. */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes, bounded per call: stale throttle records, refresh tokens expired
 * for over a day (an expired token is refused whether or not it was used),
 * and sessions that ended over 30 days ago with what is left of their
 * tokens. Returns rows deleted.
 */
export async function pruneIdentity(tx: Tx, limit = 1000): Promise<number> {
  const failures = await pruneLoginFailures(tx, limit);
  const tokens = await tx.query(
    `DELETE FROM identity.refresh_tokens WHERE token_hash IN (
       SELECT token_hash FROM identity.refresh_tokens WHERE expires_at < now() - interval '1 day' LIMIT $1)`,
    [limit],
  );
  const sessions = await tx.query(
    `DELETE FROM identity.sessions WHERE id IN (
       SELECT id FROM identity.sessions
       WHERE LEAST(COALESCE(revoked_at, expires_at), expires_at) < now() - $1::bigint * interval '1 millisecond'
       LIMIT $2)`,
    [ENDED_SESSION_RETENTION_MS, Math.ceil(limit / 10)],
  );
  // Reset/verification links and phone codes are worth nothing a day after they expire.
  const links = await tx.query(
    `DELETE FROM identity.email_tokens WHERE token_hash IN (
       SELECT token_hash FROM identity.email_tokens WHERE expires_at < now() - interval '1 day' LIMIT $1)`,
    [limit],
  );
  const codes = await tx.query(
    `DELETE FROM identity.phone_codes WHERE (user_id, purpose) IN (
       SELECT user_id, purpose FROM identity.phone_codes WHERE expires_at < now() - interval '1 day' LIMIT $1)`,
    [limit],
  );
  return failures + tokens.rowCount + sessions.rowCount + links.rowCount + codes.rowCount;
}

export function createIdentityPruneTask(db: Db, intervalMs = 10 * 60_000): Task {
  return { name: 'identity-prune', intervalMs, run: () => db.transaction((tx) => pruneIdentity(tx)) };
}
