/**
 * A person's own login sessions: the list (device, address, last seen, which
 * one is asking), ending one, and ending every other one. Ending a session
 * revokes its refresh-token family (rotateRefreshToken refuses a token of an
 * ended session), and its access tokens stop working at once in every API
 * process: the UPDATE notifies the identity caches at commit (0510), and
 * noteIdentityChange covers this process before the notice arrives.
 */
import type { Queryable, Tx } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import type { Actor } from './admin.js';
import { recordAudit } from './audit.js';
import { noteIdentityChange } from './cache.js';
import { revokeSession } from './sessions.js';
import { endStreams } from './stream-end.js';
import { deviceName } from './user-agent.js';
import { findUserRow } from './users.js';

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

/** A session as staff see it on a person's page: active or ended, with why it ended. */
export interface StaffSessionView extends Omit<SessionView, 'current'> {
  revokedAt: Date | null;
  revokedReason: string | null;
  /** Not ended and not expired. */
  active: boolean;
}

/** A person's sessions for staff, newest first (ended and expired ones too); at most MAX_LISTED_SESSIONS. */
export async function listUserSessions(db: Queryable, userId: string): Promise<StaffSessionView[]> {
  const { rows } = await db.query<{
    id: string;
    user_agent: string | null;
    ip: string | null;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
    revoked_reason: string | null;
    active: boolean;
  }>(
    `SELECT id, user_agent, ip, created_at, last_seen_at, expires_at, revoked_at, revoked_reason,
            (revoked_at IS NULL AND expires_at > now()) AS active
       FROM identity.sessions WHERE user_id = $1
      ORDER BY created_at DESC, id LIMIT $2`,
    [userId, MAX_LISTED_SESSIONS],
  );
  return rows.map((r) => ({
    id: r.id,
    device: deviceName(r.user_agent),
    userAgent: r.user_agent,
    ip: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
    active: r.active,
  }));
}

/**
 * Ends a person's session on behalf of staff ('admin'), audited in the same
 * transaction. 404 not_found when the session is not that person's.
 * Operators may end customers' sessions only; nobody ends their own here.
 * Ending one that already ended changes and records nothing.
 */
export async function endUserSession(
  tx: Tx,
  actor: Actor,
  userId: string,
  sessionId: string,
  reason: string | undefined,
): Promise<void> {
  const target = await findUserRow(tx, 'id', userId);
  if (!target) throw notFound('User');
  if (target.id === actor.auth.userId)
    throw new AppError('cannot_target_self', 'End your own sessions from your account page');
  if (actor.auth.role !== 'admin' && target.role !== 'customer')
    throw forbidden("Only an admin can end a staff member's sessions");
  const { rows } = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM identity.sessions WHERE id = $1 FOR UPDATE',
    [sessionId],
  );
  if (rows[0]?.user_id !== userId) throw notFound('Session');
  if (!(await revokeSession(tx, sessionId, 'admin'))) return;
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'user.session_end',
    targetType: 'user',
    targetId: userId,
    before: { sessionId, revokedAt: null },
    after: { sessionId, revokedAt: new Date().toISOString(), revokedReason: 'admin' },
    reason,
    requestId: actor.requestId,
  });
}
