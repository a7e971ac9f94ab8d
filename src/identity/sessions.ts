import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/index.js';
import { AppError, type ErrorCode } from '../errors/index.js';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  issueAccessToken,
  newRefreshToken,
  REFRESH_TOKEN_TTL_MS,
  SESSION_MAX_TTL_MS,
  sha256Hex,
} from './tokens.js';
import { noteIdentityChange } from './cache.js';
import { endStreams } from './stream-end.js';
import { USER_AGENT_MAX_LENGTH } from './user-agent.js';
import type { IdentityDeps, Outcome, Role, TokenPair } from './types.js';

/**
 * Why a session ended; 'remote': the person ended it from another of their
 * sessions; 'password': their password was changed or reset.
 */
export type RevokeReason = 'logout' | 'reuse' | 'frozen' | 'admin' | 'remote' | 'password';

/** Where a login came from, kept on its session for the sessions list. */
export interface SessionClient {
  userAgent?: string;
  ip?: string;
}

/** Stores a new refresh token for the session; returns the token itself (shown to the client once). */
async function addRefreshToken(tx: Tx, sessionId: string): Promise<string> {
  const { token, hash } = newRefreshToken();
  await tx.query(
    `INSERT INTO identity.refresh_tokens (token_hash, session_id, expires_at)
     VALUES ($1, $2, LEAST(now() + $3::bigint * interval '1 millisecond',
                           (SELECT expires_at FROM identity.sessions WHERE id = $2)))`,
    [hash, sessionId, REFRESH_TOKEN_TTL_MS],
  );
  return token;
}

async function tokenPair(
  tx: Tx,
  deps: IdentityDeps,
  user: { id: string; role: Role },
  sessionId: string,
): Promise<TokenPair> {
  const refreshToken = await addRefreshToken(tx, sessionId);
  const accessToken = await issueAccessToken(deps.config, { userId: user.id, role: user.role, sessionId });
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: ACCESS_TOKEN_TTL_SECONDS, sessionId };
}

/** Starts a login session (a new refresh-token family) and issues its first token pair. */
export async function startSession(
  tx: Tx,
  deps: IdentityDeps,
  user: { id: string; role: Role },
  client: SessionClient = {},
): Promise<TokenPair> {
  const sessionId = randomUUID();
  await tx.query(
    `INSERT INTO identity.sessions (id, user_id, expires_at, user_agent, ip)
     VALUES ($1, $2, now() + $3::bigint * interval '1 millisecond', $4, $5)`,
    [
      sessionId,
      user.id,
      SESSION_MAX_TTL_MS,
      client.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
      client.ip?.slice(0, 64) ?? null,
    ],
  );
  return tokenPair(tx, deps, user, sessionId);
}

const refreshError = (code: ErrorCode, message: string) =>
  new AppError(code, message, {}, { 'www-authenticate': 'Bearer realm="vendra"' });

/**
 * Rotates a refresh token: the presented one is spent and a new pair is
 * issued in the same session. Presenting a spent token means it was stolen or
 * replayed, so the whole session (every token descending from that login) is
 * revoked: 401 refresh_token_reused. Returns an Outcome so the caller commits
 * that revocation before answering the error.
 */
export async function rotateRefreshToken(
  tx: Tx,
  deps: IdentityDeps,
  token: string,
): Promise<Outcome<TokenPair>> {
  const hash = sha256Hex(token);
  const spent = await tx.query<{ session_id: string; expired: boolean }>(
    `UPDATE identity.refresh_tokens SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL
     RETURNING session_id, expires_at <= now() AS expired`,
    [hash],
  );
  const row = spent.rows[0];
  if (!row) {
    const known = await tx.query<{ session_id: string }>(
      'SELECT session_id FROM identity.refresh_tokens WHERE token_hash = $1',
      [hash],
    );
    const reused = known.rows[0];
    if (!reused)
      return { ok: false, error: refreshError('invalid_refresh_token', 'The refresh token is not valid') };
    await revokeSession(tx, reused.session_id, 'reuse');
    return {
      ok: false,
      error: refreshError(
        'refresh_token_reused',
        'This refresh token was already used; the session has been ended. Log in again',
      ),
    };
  }
  if (row.expired)
    return { ok: false, error: refreshError('refresh_token_expired', 'The refresh token has expired') };
  const { rows } = await tx.query<{ user_id: string; role: Role; status: string; active: boolean }>(
    `SELECT s.user_id, u.role, u.status, (s.revoked_at IS NULL AND s.expires_at > now()) AS active
     FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id WHERE s.id = $1`,
    [row.session_id],
  );
  const session = rows[0];
  if (!session?.active)
    return { ok: false, error: refreshError('invalid_refresh_token', 'The session has ended') };
  if (session.status !== 'active') {
    return {
      ok: false,
      error: new AppError('account_frozen', 'This account is frozen; contact support'),
    };
  }
  // A refresh is a use of the session, seen in the sessions list.
  await tx.query('UPDATE identity.sessions SET last_seen_at = now() WHERE id = $1', [row.session_id]);
  const pair = await tokenPair(tx, deps, { id: session.user_id, role: session.role }, row.session_id);
  return { ok: true, value: pair };
}

/** Ends one session and its live streams. Returns false when it did not exist or had already ended. */
export async function revokeSession(tx: Tx, sessionId: string, reason: RevokeReason): Promise<boolean> {
  const { rows } = await tx.query<{ user_id: string }>(
    `UPDATE identity.sessions SET revoked_at = now(), revoked_reason = $2
     WHERE id = $1 AND revoked_at IS NULL RETURNING user_id`,
    [sessionId, reason],
  );
  const row = rows[0];
  if (row) {
    noteIdentityChange(row.user_id);
    await endStreams(tx, row.user_id, { sessionId });
  }
  return row !== undefined;
}

/** Ends the session a refresh token belongs to, whatever the token's state. */
export async function revokeSessionByRefreshToken(tx: Tx, token: string): Promise<boolean> {
  const { rows } = await tx.query<{ session_id: string }>(
    'SELECT session_id FROM identity.refresh_tokens WHERE token_hash = $1',
    [sha256Hex(token)],
  );
  const sessionId = rows[0]?.session_id;
  return sessionId ? revokeSession(tx, sessionId, 'logout') : false;
}

/** Ends every session of a user, and their live streams; returns how many. */
export async function revokeUserSessions(tx: Tx, userId: string, reason: RevokeReason): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE identity.sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId, reason],
  );
  if (rowCount > 0) {
    noteIdentityChange(userId);
    await endStreams(tx, userId, { every: 'session' });
  }
  return rowCount;
}

/** What authenticating a bearer token needs to know about its session (cached per process). */
export interface SessionFacts {
  userId: string;
  role: Role;
  status: string;
  /** The session's absolute end (ms since the epoch): checked against the clock on every use. */
  expiresAt: number;
  revoked: boolean;
}

/** A session and its user as they are now, or undefined when there is no such session. */
export async function readSession(db: Queryable, sessionId: string): Promise<SessionFacts | undefined> {
  const { rows } = await db.query<{
    user_id: string;
    role: Role;
    status: string;
    expires_at: Date;
    revoked: boolean;
  }>(
    `SELECT s.user_id, u.role, u.status, s.expires_at, s.revoked_at IS NOT NULL AS revoked
     FROM identity.sessions s JOIN identity.users u ON u.id = s.user_id WHERE s.id = $1`,
    [sessionId],
  );
  const row = rows[0];
  return (
    row && {
      userId: row.user_id,
      role: row.role,
      status: row.status,
      expiresAt: row.expires_at.getTime(),
      revoked: row.revoked,
    }
  );
}
