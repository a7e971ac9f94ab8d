import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { requestNotification } from './notify.js';
import { newEmailToken, spendEmailToken } from './password-reset.js';
import type { Outcome } from './types.js';
import { findUserRow } from './users.js';

export const EMAIL_VERIFICATION_TTL_MINUTES = 24 * 60;
export const PHONE_CODE_TTL_MINUTES = 10;
export const PHONE_CODE_MAX_ATTEMPTS = 5;

async function ownRow(tx: Tx, userId: string) {
  const user = await findUserRow(tx, 'id', userId, { forUpdate: true });
  if (!user) throw new AppError('invalid_token', 'The user no longer exists');
  return user;
}

/** POST /v1/me/email/verify/send: a link to the person's email, valid 24 hours. */
export async function sendEmailVerification(tx: Tx, userId: string, baseUrl: string): Promise<void> {
  const user = await ownRow(tx, userId);
  if (user.email_verified_at !== null)
    throw new AppError('already_verified', 'Your email is already verified');
  const { token, hash } = newEmailToken();
  await tx.query(
    `INSERT INTO identity.email_tokens (token_hash, purpose, user_id, email, expires_at)
     VALUES ($1, 'email_verification', $2, $3, now() + $4::int * interval '1 minute')`,
    [hash, user.id, user.email, EMAIL_VERIFICATION_TTL_MINUTES],
  );
  await requestNotification(tx, {
    userId: user.id,
    template: 'email_verification',
    data: { link: `${baseUrl}/verify-email?token=${token}` },
    to: { email: user.email },
    channels: ['email'],
    unverifiedOk: ['email'],
  });
}

/** POST /v1/auth/email/verify: redeems a link, for the address it was sent to only. */
export async function verifyEmail(tx: Tx, token: string): Promise<void> {
  const spent = await spendEmailToken(tx, 'email_verification', token);
  const { rowCount } = await tx.query(
    `UPDATE identity.users SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now()
     WHERE id = $1 AND email = $2`,
    [spent.userId, spent.email],
  );
  if (rowCount !== 1)
    throw new AppError('invalid_verification_token', 'This link was for an email address you no longer use');
}

/** HMAC-SHA256 of the code under the server key, bound to the person and the number. */
function codeHash(key: string, userId: string, phone: string, code: string): string {
  return createHmac('sha256', key).update(`phone-code\0${userId}\0${phone}\0${code}`).digest('hex');
}

/** What a phone code is for; a person has at most one outstanding code of each. */
export type PhoneCodePurpose = 'phone_verification' | 'pin_reset';

/**
 * A new 6-digit code of this purpose to the phone, replacing any earlier one
 * of the same purpose (attempts start over), sent by SMS when tx commits.
 */
export async function issuePhoneCode(
  tx: Tx,
  key: string,
  user: { id: string; phone: string },
  purpose: PhoneCodePurpose,
): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx.query(
    `INSERT INTO identity.phone_codes (user_id, purpose, phone, code_hash, expires_at)
     VALUES ($1, $5, $2, $3, now() + $4::int * interval '1 minute')
     ON CONFLICT (user_id, purpose) DO UPDATE SET phone = EXCLUDED.phone, code_hash = EXCLUDED.code_hash,
       attempts = 0, created_at = now(), expires_at = EXCLUDED.expires_at, used_at = NULL`,
    [user.id, user.phone, codeHash(key, user.id, user.phone, code), PHONE_CODE_TTL_MINUTES, purpose],
  );
  await requestNotification(tx, {
    userId: user.id,
    template: 'phone_otp',
    data: { code, expiresInMinutes: PHONE_CODE_TTL_MINUTES },
    to: { phone: user.phone },
    channels: ['sms'],
    unverifiedOk: ['sms'],
  });
}

/** POST /v1/me/phone/verify/send: a 6-digit code by SMS, replacing any earlier one (attempts start over). */
export async function sendPhoneCode(tx: Tx, key: string, userId: string): Promise<void> {
  const user = await ownRow(tx, userId);
  if (!user.phone) throw new AppError('no_phone', 'There is no phone number on your account');
  if (user.phone_verified_at !== null)
    throw new AppError('already_verified', 'Your phone is already verified');
  await issuePhoneCode(tx, key, { id: user.id, phone: user.phone }, 'phone_verification');
}

/**
 * Spends the outstanding code of this purpose, sent to `phone` (the number the
 * account holds now). A wrong code counts an attempt, which must be committed
 * even though the request fails: so this returns an Outcome and the caller
 * throws after the commit. After 5 wrong codes the code is dead (429
 * too_many_attempts) until a new one is sent.
 */
export async function spendPhoneCode(
  tx: Tx,
  key: string,
  user: { id: string; phone: string | null },
  purpose: PhoneCodePurpose,
  code: string,
): Promise<Outcome<void>> {
  const { rows } = await tx.query<{ phone: string; code_hash: string; attempts: number; expired: boolean }>(
    `SELECT phone, code_hash, attempts, expires_at <= now() AS expired
     FROM identity.phone_codes WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL FOR UPDATE`,
    [user.id, purpose],
  );
  const row = rows[0];
  if (!row || row.phone !== user.phone)
    throw new AppError('no_pending_code', 'No code is waiting; ask for a new one');
  if (row.attempts >= PHONE_CODE_MAX_ATTEMPTS)
    throw new AppError('too_many_attempts', 'Too many wrong codes; ask for a new one');
  if (row.expired) throw new AppError('code_expired', 'This code has expired; ask for a new one');
  const given = Buffer.from(codeHash(key, user.id, row.phone, code), 'hex');
  if (!timingSafeEqual(given, Buffer.from(row.code_hash, 'hex'))) {
    await tx.query(
      'UPDATE identity.phone_codes SET attempts = attempts + 1 WHERE user_id = $1 AND purpose = $2',
      [user.id, purpose],
    );
    const attemptsLeft = PHONE_CODE_MAX_ATTEMPTS - row.attempts - 1;
    return {
      ok: false,
      error:
        attemptsLeft > 0
          ? new AppError('invalid_code', 'The code is not right', { attemptsLeft })
          : new AppError('too_many_attempts', 'Too many wrong codes; ask for a new one'),
    };
  }
  await tx.query('UPDATE identity.phone_codes SET used_at = now() WHERE user_id = $1 AND purpose = $2', [
    user.id,
    purpose,
  ]);
  return { ok: true, value: undefined };
}

/** POST /v1/me/phone/verify: spends the phone-verification code and marks the phone verified. */
export async function verifyPhoneCode(
  tx: Tx,
  key: string,
  userId: string,
  code: string,
): Promise<Outcome<void>> {
  const user = await ownRow(tx, userId);
  if (user.phone_verified_at !== null)
    throw new AppError('already_verified', 'Your phone is already verified');
  const spent = await spendPhoneCode(tx, key, user, 'phone_verification', code);
  if (!spent.ok) return spent;
  await tx.query('UPDATE identity.users SET phone_verified_at = now(), updated_at = now() WHERE id = $1', [
    userId,
  ]);
  return spent;
}
