import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { requestNotification } from './notify.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endOtherSessions } from './session-list.js';
import { revokeUserSessions } from './sessions.js';
import { sha256Hex } from './tokens.js';
import { findUserRow } from './users.js';
import { checkPassword, emailKey } from './validation.js';

export const RESET_TOKEN_TTL_MINUTES = 30;

/** A 32-byte random token (base64url) and the sha256 hex that is stored. */
export function newEmailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256Hex(token) };
}

/**
 * POST /v1/auth/password/forgot. Sends a reset link only to an active account
 * whose email is verified; in every other case (unknown, unverified, frozen)
 * it does nothing, and the caller answers the same either way, so the answer
 * never tells whether an account exists.
 */
export async function requestPasswordReset(tx: Tx, rawEmail: string, baseUrl: string): Promise<void> {
  const user = await findUserRow(tx, 'email', emailKey(rawEmail));
  if (user?.status !== 'active' || user.email_verified_at === null) return;
  const { token, hash } = newEmailToken();
  await tx.query(
    `INSERT INTO identity.email_tokens (token_hash, purpose, user_id, email, expires_at)
     VALUES ($1, 'password_reset', $2, $3, now() + $4::int * interval '1 minute')`,
    [hash, user.id, user.email, RESET_TOKEN_TTL_MINUTES],
  );
  await requestNotification(tx, {
    userId: user.id,
    template: 'password_reset',
    data: { link: `${baseUrl}/reset-password?token=${token}`, expiresInMinutes: RESET_TOKEN_TTL_MINUTES },
    to: { email: user.email },
    channels: ['email'],
  });
}

/**
 * Spends an email token of the purpose: the row it belongs to, or 400
 * (unknown or used; expired). The UPDATE both checks and spends, so two
 * concurrent redemptions cannot both succeed.
 */
export async function spendEmailToken(
  tx: Tx,
  purpose: 'password_reset' | 'email_verification',
  token: string,
): Promise<{ userId: string; email: string }> {
  const { rows } = await tx.query<{ user_id: string; email: string; expired: boolean }>(
    `UPDATE identity.email_tokens SET used_at = now()
     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL
     RETURNING user_id, email, expires_at <= now() AS expired`,
    [sha256Hex(token), purpose],
  );
  const row = rows[0];
  const reset = purpose === 'password_reset';
  if (!row) {
    throw reset
      ? new AppError('invalid_reset_token', 'This reset link is not valid or was already used')
      : new AppError('invalid_verification_token', 'This verification link is not valid or was already used');
  }
  // Throwing rolls the spend back: an expired token stays expired, which is the same.
  if (row.expired) {
    throw reset
      ? new AppError('reset_token_expired', 'This reset link has expired; ask for a new one')
      : new AppError('verification_token_expired', 'This verification link has expired; ask for a new one');
  }
  return { userId: row.user_id, email: row.email };
}

/** Sets the new password (registration's rules) and tells the person it changed. */
async function setPassword(tx: Tx, userId: string, email: string, newPassword: string): Promise<void> {
  await checkPassword(newPassword, email);
  await tx.query('UPDATE identity.users SET password_hash = $2, updated_at = now() WHERE id = $1', [
    userId,
    await hashPassword(newPassword),
  ]);
  // Other reset links of the person die with the password they were for.
  await tx.query(
    `UPDATE identity.email_tokens SET used_at = now()
     WHERE user_id = $1 AND purpose = 'password_reset' AND used_at IS NULL`,
    [userId],
  );
  // The template says when: the notice may be delivered later than the change.
  await requestNotification(tx, {
    userId,
    template: 'password_changed',
    data: { at: new Date().toISOString() },
  });
}

/** POST /v1/auth/password/reset: a new password by a reset link; every session of the person ends. */
export async function resetPassword(tx: Tx, token: string, newPassword: string): Promise<void> {
  const spent = await spendEmailToken(tx, 'password_reset', token);
  const user = await findUserRow(tx, 'id', spent.userId, { forUpdate: true });
  if (!user || user.email !== spent.email || user.status !== 'active')
    throw new AppError('invalid_reset_token', 'This reset link is not valid or was already used');
  await setPassword(tx, user.id, user.email, newPassword);
  await revokeUserSessions(tx, user.id, 'password');
}

/**
 * POST /v1/me/password: the current password, then the new one; every other
 * session of the person ends (this one stays logged in).
 */
export async function changePassword(
  tx: Tx,
  auth: { userId: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserRow(tx, 'id', auth.userId, { forUpdate: true });
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('wrong_password', 'The current password is not right');
  await setPassword(tx, user.id, user.email, input.newPassword);
  await endOtherSessions(tx, user.id, auth.sessionId, 'password');
}
