import type { Db, Tx } from '../db/index.js';
import { AppError } from '../http/errors.js';
import { sha256Hex } from './tokens.js';

/** Login throttling limits: failures counted over a sliding window. */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerIp: 20,
} as const;

type Scope = 'account' | 'ip';

/** Advisory-lock namespace so the check-and-record of one subject is atomic across processes. */
const LOCK_NAMESPACE = 'identity.login_throttle:';

export interface ThrottleSubjects {
  /** sha256 of the normalised email: no addresses stored in the throttle table. */
  account: string;
  ip: string;
}

export function throttleSubjects(email: string, ip: string): ThrottleSubjects {
  return { account: sha256Hex(email), ip: ip.slice(0, 128) };
}

/** Seconds until the oldest failure that keeps the subject at its limit ages out, or 0 when not limited. */
async function retryAfterSeconds(tx: Tx, scope: Scope, subject: string, max: number): Promise<number> {
  const { rows } = await tx.query<{ seconds: number }>(
    `SELECT ceil(extract(epoch FROM failed_at + $3::bigint * interval '1 millisecond' - now()))::int AS seconds
     FROM identity.login_failures
     WHERE scope = $1 AND subject = $2 AND failed_at > now() - $3::bigint * interval '1 millisecond'
     ORDER BY failed_at DESC OFFSET $4 LIMIT 1`,
    [scope, subject, LOGIN_THROTTLE.windowMs, max - 1],
  );
  const seconds = rows[0]?.seconds;
  return seconds === undefined ? 0 : Math.max(1, seconds);
}

/**
 * Admits one login attempt or throws 429 too_many_attempts with Retry-After.
 * An admitted attempt is recorded as a failure up front, under a per-subject
 * advisory lock, so that concurrent guesses count against the limit while
 * their passwords are still being checked; clearAttempt() removes it when the
 * login succeeds. Returns the ids of the rows it recorded.
 */
export async function admitAttempt(db: Db, subjects: ThrottleSubjects): Promise<bigint[]> {
  return db.transaction(async (tx) => {
    for (const [scope, subject] of [
      ['account', subjects.account],
      ['ip', subjects.ip],
    ] as const) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `${LOCK_NAMESPACE}${scope}:${subject}`,
      ]);
    }
    const wait = Math.max(
      await retryAfterSeconds(tx, 'account', subjects.account, LOGIN_THROTTLE.maxFailuresPerAccount),
      await retryAfterSeconds(tx, 'ip', subjects.ip, LOGIN_THROTTLE.maxFailuresPerIp),
    );
    if (wait > 0) {
      throw new AppError(
        429,
        'too_many_attempts',
        'Too many failed login attempts; try again later',
        { retryAfterSeconds: wait },
        { 'retry-after': String(wait) },
      );
    }
    const { rows } = await tx.query<{ id: bigint }>(
      `INSERT INTO identity.login_failures (scope, subject) VALUES ('account', $1), ('ip', $2) RETURNING id`,
      [subjects.account, subjects.ip],
    );
    return rows.map((r) => r.id);
  });
}

/** After a successful login: forget the account's failures and this attempt's IP record. */
export async function clearAttempt(tx: Tx, subjects: ThrottleSubjects, attemptIds: bigint[]): Promise<void> {
  await tx.query(
    `DELETE FROM identity.login_failures
     WHERE (scope = 'account' AND subject = $1) OR id = ANY($2::bigint[])`,
    [subjects.account, attemptIds.map(String)],
  );
}

/** Deletes failures older than the window, at most `limit` per call. */
export async function pruneLoginFailures(tx: Tx, limit = 5000): Promise<number> {
  const { rowCount } = await tx.query(
    `DELETE FROM identity.login_failures WHERE id IN (
       SELECT id FROM identity.login_failures
       WHERE failed_at < now() - $1::bigint * interval '1 millisecond' LIMIT $2)`,
    [LOGIN_THROTTLE.windowMs, limit],
  );
  return rowCount;
}
