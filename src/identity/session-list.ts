/**
 * A person's own login sessions: the list (device, address, last seen, which
 * one is asking), ending one, and ending every other one. Ending a session
 * revokes its refresh-token family (rotateRefreshToken refuses a token of an
 * ended session), and its access tokens stop working at once in every API
 * process: the UPDATE notifies the identity caches at commit (0510), and
 * noteIdentityChange covers this process before the notice arrives.
 */
import type { Queryable, Tx } from '../db/index.js';
import { notFound } from '../errors/index.js';
import { noteIdentityChange } from './cache.js';
import { revokeSession } from './sessions.js';
import { endStreams } from './stream-end.js';
import { deviceName } from './user-agent.js';

/** Most sessions listed: the current one, then the most recently used. */
export const MAX_LISTED_SESSIONS = 100;

export interface SessionView {
  id: string;
  /** A readable name parsed from the User-Agent, e.g. "Chrome on macOS". */
  device: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session the request was made with. */
  current: boolean;
}

/** The person's active (not ended, not expired) sessions, the current one first, then by last use. */
export async function listSessions(db: Queryable, userId: string, currentId: string): Promise<SessionView[]> {
  const { rows } = await db.query<{
    id: string;
    user_agent: string | null;
    ip: string | null;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
  }>(
    `SELECT id, user_agent, ip, created_at, last_seen_at, expires_at FROM identity.sessions
     WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
     ORDER BY (id = $2) DESC, last_seen_at DESC, id
     LIMIT $3`,
    [userId, currentId, MAX_LISTED_SESSIONS],
  );
  return rows.map((r) => ({
    id: r.id,
    device: deviceName(r.user_agent),
    userAgent: r.user_agent,
    ip: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    current: r.id === currentId,
  }));
}

/**
 * Ends one of the person's sessions: the current one as a logout, another as
 * 'remote'. 404 not_found when it is not theirs (someone else's looks like
 * none at all). Ending one that already ended changes nothing. Returns
 * whether it was the current session.
 */
export async function endOwnSession(
  tx: Tx,
  userId: string,
  currentId: string,
  sessionId: string,
): Promise<{ current: boolean }> {
  const { rows } = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM identity.sessions WHERE id = $1 FOR UPDATE',
    [sessionId],
  );
  if (rows[0]?.user_id !== userId) throw notFound('Session');
  const current = sessionId === currentId;
  await revokeSession(tx, sessionId, current ? 'logout' : 'remote');
  return { current };
}

/** Ends every session of the person but the current one, and their live streams; returns how many. */
export async function endOtherSessions(
  tx: Tx,
  userId: string,
  currentId: string,
  reason: 'remote' | 'password' = 'remote',
): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE identity.sessions SET revoked_at = now(), revoked_reason = $3
     WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
    [userId, currentId, reason],
  );
  if (rowCount > 0) {
    noteIdentityChange(userId);
    await endStreams(tx, userId, { every: 'session', except: currentId });
  }
  return rowCount;
}
