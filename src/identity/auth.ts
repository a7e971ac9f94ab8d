import type { Db, Tx } from '../db/index.js';
import { pgErrorCode, PgCode } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { publish } from '../outbox/index.js';
import { announceNewDevice, type DeviceInfo, noteDevice } from './devices.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeSession, revokeSessionByRefreshToken, rotateRefreshToken, startSession } from './sessions.js';
import { admitAttempt, clearAttempt, throttleSubjects } from './throttle.js';
import type { IdentityDeps, Outcome, Role, TokenPair, User } from './types.js';
import { findUserRow, newReferralCode, toUser, USER_COLUMNS, type UserRow } from './users.js';
import { checkPassword, emailKey, normalizeEmail, normalizeFullName, normalizePhone } from './validation.js';

export interface RegisterInput {
  email: string;
  password: string;
  fullName: string;
  phone?: string;
  /** The referral code of the user who invited this one. */
  referralCode?: string;
}

export interface AuthResult {
  user: User;
  tokens: TokenPair;
}

/**
 * Validates and inserts a user (argon2id password hash, fresh referral code)
 * and publishes user.registered in the same transaction. Conflicts surface as
 * 409 email_taken / phone_taken; bad input as 400 invalid_email,
 * invalid_phone, weak_password, invalid_name or invalid_referral_code.
 */
export async function createUser(tx: Tx, input: RegisterInput, role: Role = 'customer'): Promise<User> {
  const email = normalizeEmail(input.email);
  await checkPassword(input.password, email);
  const fullName = normalizeFullName(input.fullName);
  const phone = input.phone === undefined || input.phone.trim() === '' ? null : normalizePhone(input.phone);
  let referredBy: string | null = null;
  if (input.referralCode !== undefined && input.referralCode.trim() !== '') {
    const referrer = await findUserRow(tx, 'referral_code', input.referralCode.trim().toUpperCase());
    if (!referrer) throw new AppError('invalid_referral_code', 'The referral code does not exist');
    referredBy = referrer.id;
  }
  if (await findUserRow(tx, 'email', email))
    throw new AppError('email_taken', 'An account with this email already exists');
  if (phone && (await findUserRow(tx, 'phone', phone))) {
    throw new AppError('phone_taken', 'An account with this phone number already exists');
  }
  const passwordHash = await hashPassword(input.password);
  let row: UserRow;
  try {
    const { rows } = await tx.query<UserRow>(
      `INSERT INTO identity.users (email, phone, full_name, password_hash, role, referral_code, referred_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${USER_COLUMNS}`,
      [email, phone, fullName, passwordHash, role, newReferralCode(), referredBy],
    );
    row = rows[0]!;
  } catch (error) {
    // A concurrent registration won the race between our check and insert.
    if (pgErrorCode(error) === PgCode.uniqueViolation) {
      const constraint = (error as { constraint?: string }).constraint;
      if (constraint === 'users_phone_key')
        throw new AppError('phone_taken', 'An account with this phone number already exists');
      throw new AppError('email_taken', 'An account with this email already exists');
    }
    throw error;
  }
  const user = toUser(row);
  await publish(tx, {
    type: 'user.registered',
    key: user.id,
    userId: user.id,
    payload: { userId: user.id, email: user.email, fullName: user.fullName, referredBy: user.referredBy },
  });
  return user;
}

/** Registers a customer and logs them in: the user, plus the first token pair of a new session. */
export async function register(
  tx: Tx,
  deps: IdentityDeps,
  input: RegisterInput,
  device?: DeviceInfo,
  ip?: string,
): Promise<AuthResult> {
  const user = await createUser(tx, input);
  if (device) await noteDevice(tx, user.id, device);
  const tokens = await startSession(tx, deps, user, { userAgent: device?.userAgent, ip });
  return { user, tokens };
}

const invalidCredentials = () =>
  new AppError(
    'invalid_credentials',
    'The email or password is wrong',
    {},
    {
      'www-authenticate': 'Bearer realm="vendra"',
    },
  );

/**
 * Logs in with email and password. It takes the database rather than one
 * transaction because a failed attempt must be recorded (committed) even
 * though the login fails, and the slow argon2 check runs outside any
 * transaction. Unknown email and wrong password answer the same 401
 * invalid_credentials after the same amount of work; throttled: 429
 * too_many_attempts; frozen (right password only): 403 account_frozen.
 * A login from a device new to the person publishes identity.new_device_login
 * in the login's transaction.
 */
export async function login(
  db: Db,
  deps: IdentityDeps,
  input: { email: string; password: string; ip: string; device?: DeviceInfo },
): Promise<AuthResult> {
  const email = emailKey(input.email);
  const subjects = throttleSubjects(email, input.ip);
  const attemptIds = await admitAttempt(db, subjects);
  const row = await findUserRow(db, 'email', email);
  const ok = await verifyPassword(row?.password_hash, input.password);
  if (!row || !ok) throw invalidCredentials();
  if (row.status !== 'active')
    throw new AppError('account_frozen', 'This account is frozen; contact support');
  return db.transaction(async (tx) => {
    await clearAttempt(tx, subjects, attemptIds);
    const newDevice = input.device ? await noteDevice(tx, row.id, input.device) : false;
    const client = { userAgent: input.device?.userAgent, ip: input.ip };
    const tokens = await startSession(tx, deps, { id: row.id, role: row.role }, client);
    if (newDevice) await announceNewDevice(tx, row.id, { sessionId: tokens.sessionId, ...client });
    return { user: toUser(row), tokens };
  });
}

/** Rotates a refresh token (see rotateRefreshToken); the caller commits before throwing a failure. */
export async function refresh(
  tx: Tx,
  deps: IdentityDeps,
  refreshToken: string,
): Promise<Outcome<AuthResult>> {
  const outcome = await rotateRefreshToken(tx, deps, refreshToken);
  if (!outcome.ok) return outcome;
  const userId = (
    await tx.query<{ user_id: string }>('SELECT user_id FROM identity.sessions WHERE id = $1', [
      outcome.value.sessionId,
    ])
  ).rows[0]!.user_id;
  const row = (await findUserRow(tx, 'id', userId))!;
  return { ok: true, value: { user: toUser(row), tokens: outcome.value } };
}

/** Ends the session of a refresh token and/or a session id. Unknown tokens are ignored: logout always succeeds. */
export async function logout(tx: Tx, input: { refreshToken?: string; sessionId?: string }): Promise<void> {
  if (input.refreshToken) await revokeSessionByRefreshToken(tx, input.refreshToken);
  if (input.sessionId) await revokeSession(tx, input.sessionId, 'logout');
}
