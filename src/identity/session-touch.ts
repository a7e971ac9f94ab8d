import type { Queryable } from '../db/index.js';

/** A session's last_seen_at is brought up to date at most this often: not a write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/** Most sessions whose last touch this process remembers; the oldest is forgotten first. */
const MAX_REMEMBERED = 50_000;

/** When this process last wrote each session's last_seen_at (ms since the epoch). */
const touchedAt = new Map<string, number>();

/**
 * Records that the session was used: one UPDATE at most once a minute per
 * session and process, and the statement itself skips a row another process
 * touched within the minute. last_seen_at sends no change notice (0510), so
 * the identity caches are unaffected.
 */
export async function touchSession(db: Queryable, sessionId: string): Promise<void> {
  const now = Date.now();
  const last = touchedAt.get(sessionId);
  if (last !== undefined && now - last < SESSION_TOUCH_INTERVAL_MS) return;
  touchedAt.delete(sessionId); // re-inserted last: the map stays in touch order
  if (touchedAt.size >= MAX_REMEMBERED) touchedAt.delete(touchedAt.keys().next().value as string);
  touchedAt.set(sessionId, now);
  await db.query(
    `UPDATE identity.sessions SET last_seen_at = now()
     WHERE id = $1 AND last_seen_at < now() - $2::bigint * interval '1 millisecond'`,
    [sessionId, SESSION_TOUCH_INTERVAL_MS],
  );
}
