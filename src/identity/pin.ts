/**
 * The transaction PIN: 4 digits a person sets after sign-up and gives on
 * every money-moving request made with a login session (API keys never use
 * one). No slow hash can protect 10,000 possibilities, so the PIN is kept as
 * an HMAC-SHA256 under PIN_HMAC_KEY (outside the database) of the user's id
 * and the PIN, compared in constant time: the key and the lockout protect it,
 * and checking costs microseconds. Five wrong PINs lock money movement for 30
 * minutes and notify the person; a phone code sent to their verified phone
 * resets it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { noteIdentityChange, throughCache } from './cache.js';
import { requestNotification } from './notify.js';
import type { Outcome } from './types.js';
import { findUserRow } from './users.js';
import { issuePhoneCode, spendPhoneCode } from './verification.js';

/** The request header that carries the PIN. */
export const PIN_HEADER = 'x-transaction-pin';
export const PIN_MAX_ATTEMPTS = 5;
export const PIN_LOCK_MINUTES = 30;
export const PIN_PATTERN = '^[0-9]{4}$';
const PIN = new RegExp(PIN_PATTERN);

/** Common PINs that no rule below catches (keypad columns, years, well-known choices). */
const COMMON_PINS: ReadonlySet<string> = new Set([
  '2580',
  '0852',
  '1470',
  '0741',
  '3690',
  '0963',
  '1004',
  '2000',
  '2001',
  '1999',
  '6969',
  '1379',
  '7777',
  '0007',
]);

/**
 * Whether a PIN is too easy to guess: one digit four times (0000), a run up or
 * down (0123, 1234, 4321, 9876), two digits repeated (1212) or doubled (1122),
 * or a common choice (2580, 1004, 2000...).
 */
export function isTrivialPin(pin: string): boolean {
  const d = [...pin].map(Number);
  const steps = d.slice(1).map((v, i) => v - d[i]!);
  if (steps.every((s) => s === 0) || steps.every((s) => s === 1) || steps.every((s) => s === -1)) return true;
  if (pin[0] === pin[2] && pin[1] === pin[3]) return true;
  if (pin[0] === pin[1] && pin[2] === pin[3]) return true;
  return COMMON_PINS.has(pin);
}

/** The stored form: HMAC-SHA256 under the server key of the user's id and the PIN (32 bytes). */
export function pinHmac(key: string, userId: string, pin: string): Buffer {
  return createHmac('sha256', key).update(`transaction-pin\0${userId}\0${pin}`).digest();
}

/** What checking a PIN needs to know about a person (cached per process beside their session). */
export interface PinFacts {
  userId: string;
  /** null: no PIN set. */
  hmac: Buffer | null;
  failed: number;
  /** ms since the epoch; null when not locked (a past time: the lock has passed). */
  lockedUntil: number | null;
}

/** A person's PIN facts as they are now in the database. */
export async function readPinFacts(db: Queryable, userId: string): Promise<PinFacts> {
  const { rows } = await db.query<{ pin_hmac: Buffer; failed_attempts: number; locked_until: Date | null }>(
    'SELECT pin_hmac, failed_attempts, locked_until FROM identity.pins WHERE user_id = $1',
    [userId],
  );
  const row = rows[0];
  return {
    userId,
    hmac: row ? Buffer.from(row.pin_hmac) : null,
    failed: row?.failed_attempts ?? 0,
    lockedUntil: row?.locked_until?.getTime() ?? null,
  };
}

/**
 * The PIN facts from the identity cache, or read. Every change to identity.pins
 * notifies (migration 1100), which drops the user's entries, so a new PIN or a
 * lock takes effect at once.
 */
export async function pinFacts(db: Queryable, userId: string): Promise<PinFacts> {
  const facts = await throughCache(
    db,
    `pin:${userId}`,
    () => readPinFacts(db, userId),
    (f) => f.userId,
  );
  return facts ?? readPinFacts(db, userId);
}

const pinRequired = () =>
  new AppError('pin_required', `This request moves money: send your transaction PIN in ${PIN_HEADER}`);
const pinNotSet = () =>
  new AppError('pin_not_set', 'Set a transaction PIN first (PUT /v1/me/pin); money moves only with it');
const pinInvalid = (attemptsRemaining: number, message = 'The PIN is not right') =>
  new AppError('pin_invalid', message, { attemptsRemaining });
const pinLocked = (until: number) =>
  new AppError(
    'pin_locked',
    `Too many wrong PINs: money movement is locked until ${new Date(until).toISOString()}; reset your PIN by phone code to unlock it now`,
    { lockedUntil: new Date(until).toISOString() },
  );

const isLocked = (facts: PinFacts) => facts.lockedUntil !== null && facts.lockedUntil > Date.now();

/**
 * Counts a wrong PIN against the PIN it was compared with, in one guarded
 * UPDATE (correct under concurrency: each wrong PIN counts once, the fifth
 * locks, and one that arrives locked counts nothing). The first wrong PIN
 * after a lock has passed starts the count again. The lock notifies the
 * person. Returns the error to answer, or undefined when nothing was counted
 * (the PIN changed meanwhile, or it is locked now).
 */
async function countFailure(tx: Tx, userId: string, hmac: Buffer): Promise<AppError | undefined> {
  noteIdentityChange(userId);
  const next = 'CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_attempts + 1 END';
  const { rows } = await tx.query<{ failed_attempts: number; locked_until: Date | null }>(
    `UPDATE identity.pins SET failed_attempts = ${next},
       locked_until = CASE WHEN ${next} >= $3 THEN now() + $4::int * interval '1 minute' END,
       updated_at = now()
     WHERE user_id = $1 AND pin_hmac = $2 AND (locked_until IS NULL OR locked_until <= now())
     RETURNING failed_attempts, locked_until`,
    [userId, hmac, PIN_MAX_ATTEMPTS, PIN_LOCK_MINUTES],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (!row.locked_until) return pinInvalid(PIN_MAX_ATTEMPTS - row.failed_attempts);
  await requestNotification(tx, {
    userId,
    template: 'pin_locked',
    data: { attempts: PIN_MAX_ATTEMPTS, until: row.locked_until.toISOString() },
  });
  return pinLocked(row.locked_until.getTime());
}

/** A right PIN after wrong ones: the count starts again (a write only then, never on the hot path). */
async function clearFailures(db: Queryable, userId: string, hmac: Buffer): Promise<void> {
  noteIdentityChange(userId);
  await db.query(
    `UPDATE identity.pins SET failed_attempts = 0, locked_until = NULL, updated_at = now()
     WHERE user_id = $1 AND pin_hmac = $2 AND (failed_attempts > 0 OR locked_until IS NOT NULL)
       AND (locked_until IS NULL OR locked_until <= now())`,
    [userId, hmac],
  );
}

async function judge(db: Db, key: string, given: string, facts: PinFacts, retry: boolean): Promise<void> {
  const { userId, hmac } = facts;
  if (!hmac) throw pinNotSet();
  if (isLocked(facts)) throw pinLocked(facts.lockedUntil!);
  // Never right: answered without counting.
  if (!PIN.test(given)) throw pinInvalid(PIN_MAX_ATTEMPTS - facts.failed, 'A transaction PIN is 4 digits');
  if (timingSafeEqual(pinHmac(key, userId, given), hmac)) {
    if (facts.failed > 0 || facts.lockedUntil !== null) await clearFailures(db, userId, hmac);
    return;
  }
  const error = await db.transaction((tx) => countFailure(tx, userId, hmac));
  if (error) throw error;
  // The PIN changed or locked since the facts were read: judge again against the database.
  if (retry) return judge(db, key, given, await readPinFacts(db, userId), false);
  throw pinInvalid(PIN_MAX_ATTEMPTS - facts.failed);
}

/**
 * Checks the PIN a money-moving request carries; throws 403 pin_required,
 * pin_not_set, pin_invalid (with attemptsRemaining) or 423 pin_locked (with
 * lockedUntil). A right PIN costs no database round trip while the cache holds
 * the person's facts and no wrong PIN is outstanding.
 */
export async function checkPin(
  db: Db,
  key: string,
  userId: string,
  given: string | undefined,
): Promise<void> {
  if (given === undefined || given === '') throw pinRequired();
  await judge(db, key, given, await pinFacts(db, userId), true);
}

function refuseTrivial(pin: string): void {
  if (isTrivialPin(pin))
    throw new AppError(
      'pin_too_simple',
      'This PIN is too easy to guess (repeated digits, a run like 1234, or a common PIN); choose another',
    );
}

/** The person's PIN row, locked for the change. */
async function lockPinRow(tx: Tx, userId: string): Promise<PinFacts | undefined> {
  const { rows } = await tx.query<{ pin_hmac: Buffer; failed_attempts: number; locked_until: Date | null }>(
    'SELECT pin_hmac, failed_attempts, locked_until FROM identity.pins WHERE user_id = $1 FOR UPDATE',
    [userId],
  );
  const row = rows[0];
  return (
    row && {
      userId,
      hmac: Buffer.from(row.pin_hmac),
      failed: row.failed_attempts,
      lockedUntil: row.locked_until?.getTime() ?? null,
    }
  );
}

/** Stores the PIN as the person's (new or replacing), with no failures and no lock. */
async function storePin(tx: Tx, key: string, userId: string, pin: string): Promise<void> {
  noteIdentityChange(userId);
  await tx.query(
    `INSERT INTO identity.pins (user_id, pin_hmac) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET pin_hmac = EXCLUDED.pin_hmac, failed_attempts = 0,
       locked_until = NULL, updated_at = now()`,
    [userId, pinHmac(key, userId, pin)],
  );
}

/**
 * PUT /v1/me/pin: sets the first PIN ({pin}), or changes it ({currentPin,
 * pin}). A wrong currentPin counts toward the lockout, which must be committed
 * though the request fails: so this returns an Outcome (thrown after commit).
 */
export async function setPin(
  tx: Tx,
  key: string,
  userId: string,
  input: { pin: string; currentPin?: string },
): Promise<Outcome<void>> {
  refuseTrivial(input.pin);
  const current = await lockPinRow(tx, userId);
  if (current) {
    if (input.currentPin === undefined)
      throw new AppError(
        'pin_already_set',
        'You already have a PIN: send currentPin to change it, or reset it with a phone code',
      );
    if (isLocked(current)) throw pinLocked(current.lockedUntil!);
    if (!timingSafeEqual(pinHmac(key, userId, input.currentPin), current.hmac!)) {
      const error = await countFailure(tx, userId, current.hmac!);
      return { ok: false, error: error ?? pinInvalid(PIN_MAX_ATTEMPTS - current.failed) };
    }
  }
  if (current) await storePin(tx, key, userId, input.pin);
  else await firstPin(tx, key, userId, input.pin);
  return { ok: true, value: undefined };
}

/** The first PIN; a concurrent first set that committed meanwhile wins (409 pin_already_set). */
async function firstPin(tx: Tx, key: string, userId: string, pin: string): Promise<void> {
  noteIdentityChange(userId);
  const { rowCount } = await tx.query(
    'INSERT INTO identity.pins (user_id, pin_hmac) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
    [userId, pinHmac(key, userId, pin)],
  );
  if (rowCount !== 1)
    throw new AppError('pin_already_set', 'You already have a PIN: send currentPin to change it');
}

async function verifiedPhoneOf(tx: Tx, userId: string): Promise<{ id: string; phone: string }> {
  const user = await findUserRow(tx, 'id', userId, { forUpdate: true });
  if (!user) throw new AppError('invalid_token', 'The user no longer exists');
  if (!user.phone) throw new AppError('no_phone', 'There is no phone number on your account');
  if (user.phone_verified_at === null)
    throw new AppError('phone_unverified', 'Verify your phone first: the PIN reset code goes to it by SMS');
  return { id: user.id, phone: user.phone };
}

/** POST /v1/me/pin/reset: a 6-digit code by SMS to the person's verified phone. */
export async function sendPinReset(tx: Tx, codeKey: string, userId: string): Promise<void> {
  await issuePhoneCode(tx, codeKey, await verifiedPhoneOf(tx, userId), 'pin_reset');
}

/**
 * POST /v1/me/pin/reset/confirm: spends the reset code and sets the new PIN,
 * clearing any lock. A wrong code counts an attempt of the code (committed:
 * an Outcome).
 */
export async function confirmPinReset(
  tx: Tx,
  keys: { code: string; pin: string },
  userId: string,
  input: { code: string; pin: string },
): Promise<Outcome<void>> {
  refuseTrivial(input.pin);
  const user = await verifiedPhoneOf(tx, userId);
  const spent = await spendPhoneCode(tx, keys.code, user, 'pin_reset', input.code);
  if (!spent.ok) return spent;
  await storePin(tx, keys.pin, userId, input.pin);
  return spent;
}
