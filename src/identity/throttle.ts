import { normalizeIP } from '@fastify/rate-limit';
import type { Db, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { sha256Hex } from './tokens.js';

/**
 * Login throttling. Failures are counted over a sliding window per (account,
 * client address) and per address; past a limit, each further attempt waits
 * for a delay that doubles with every failure (up to the window). A client
 * that logged in to the account recently is "known": failures from other
 * addresses never delay it, so nobody can lock the owner out of their own
 * device. Unknown clients are also delayed once failures on the account come
 * from several addresses (a distributed guess), with the same growing delays.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failures on one account from one address before that address waits; also the number of failing addresses before unknown clients wait. */
  maxFailuresPerAccount: 5,
  /** Failures from one address, across accounts, before that address waits. */
  maxFailuresPerIp: 20,
  /** The first wait past a limit; it doubles with each further failure, up to windowMs. */
  firstDelayMs: 30_000,
  /** A successful login makes its address known to the account for this long. */
  knownClientMs: 30 * 24 * 3_600_000,
} as const;

/** Advisory-lock namespace so the check-and-record of one subject is atomic across processes. */
const LOCK_NAMESPACE = 'identity.login_throttle:';
/** IPv6 clients are counted per /64: one host usually holds the whole prefix. */
const IPV6_PREFIX_BITS = 64;

export interface ThrottleSubjects {
  /** sha256 of the normalised email: no addresses stored in the throttle table. */
  account: string;
  ip: string;
}

export function throttleSubjects(email: string, ip: string): ThrottleSubjects {
  return { account: sha256Hex(email), ip: normalizeIP(ip, IPV6_PREFIX_BITS).slice(0, 128) };
}

interface Counts {
  pair_failures: number;
  pair_since_ms: number | null;
  account_clients: number;
  account_since_ms: number | null;
  ip_failures: number;
  ip_since_ms: number | null;
  known: boolean;
}

/** One round trip: the failures in the window for the three rules, and whether the client is known. */
async function readCounts(tx: Tx, subjects: ThrottleSubjects): Promise<Counts> {
  const { rows } = await tx.query<Counts>(
    `WITH last_login AS (
       SELECT COALESCE(max(last_login_at), '-infinity') AS at FROM identity.login_known_clients WHERE account = $1)
     SELECT
       count(*) FILTER (WHERE scope = 'account' AND client = $2)::int AS pair_failures,
       (extract(epoch FROM now() - max(failed_at) FILTER (WHERE scope = 'account' AND client = $2)) * 1000)::float8
         AS pair_since_ms,
       count(DISTINCT client) FILTER (WHERE scope = 'account' AND failed_at > last_login.at)::int AS account_clients,
       (extract(epoch FROM now() - max(failed_at) FILTER (WHERE scope = 'account' AND failed_at > last_login.at))
         * 1000)::float8 AS account_since_ms,
       count(*) FILTER (WHERE scope = 'ip')::int AS ip_failures,
       (extract(epoch FROM now() - max(failed_at) FILTER (WHERE scope = 'ip')) * 1000)::float8 AS ip_since_ms,
       EXISTS (SELECT 1 FROM identity.login_known_clients
               WHERE account = $1 AND client = $2
                 AND last_login_at > now() - $4::bigint * interval '1 millisecond') AS known
     FROM last_login LEFT JOIN identity.login_failures
       ON failed_at > now() - $3::bigint * interval '1 millisecond'
      AND ((scope = 'account' AND subject = $1) OR (scope = 'ip' AND subject = $2))`,
    [subjects.account, subjects.ip, LOGIN_THROTTLE.windowMs, LOGIN_THROTTLE.knownClientMs],
  );
  return rows[0]!;
}

/** The delay owed after `count` failures against a limit of `max`: 0 below it, then doubling. */
export function throttleDelayMs(count: number, max: number): number {
  if (count < max) return 0;
  return Math.min(LOGIN_THROTTLE.firstDelayMs * 2 ** Math.min(count - max, 30), LOGIN_THROTTLE.windowMs);
}

/** Whole seconds still to wait under one rule, or 0. */
function waitSeconds(count: number, max: number, sinceLastMs: number | null): number {
  const remainingMs = throttleDelayMs(count, max) - (sinceLastMs ?? 0);
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0;
}

function retryAfterSeconds(counts: Counts): number {
  const { maxFailuresPerAccount, maxFailuresPerIp } = LOGIN_THROTTLE;
  return Math.max(
    waitSeconds(counts.pair_failures, maxFailuresPerAccount, counts.pair_since_ms),
    counts.known ? 0 : waitSeconds(counts.account_clients, maxFailuresPerAccount, counts.account_since_ms),
    waitSeconds(counts.ip_failures, maxFailuresPerIp, counts.ip_since_ms),
  );
}

/**
 * Admits one login attempt or throws 429 too_many_attempts with Retry-After.
 * An admitted attempt is recorded as a failure up front, under per-account and
 * per-address advisory locks (taken in that order), so that concurrent guesses
 * count against the limits while their passwords are still being checked;
 * clearAttempt() removes it when the login succeeds. Returns the ids of the
 * rows it recorded.
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
    const wait = retryAfterSeconds(await readCounts(tx, subjects));
    if (wait > 0) {
      throw new AppError(
        'too_many_attempts',
        'Too many failed login attempts; try again later',
        { retryAfterSeconds: wait },
        { 'retry-after': String(wait) },
      );
    }
    const { rows } = await tx.query<{ id: bigint }>(
      `INSERT INTO identity.login_failures (scope, subject, client)
       VALUES ('account', $1, $2), ('ip', $2, NULL) RETURNING id`,
      [subjects.account, subjects.ip],
    );
    return rows.map((r) => r.id);
  });
}

/**
 * After a successful login: forget this address's failures on the account and
 * this attempt's address record, and remember the address as a known client.
 * Its login time also restarts the account-wide count (readCounts counts
 * failing addresses since the last login), while every other address keeps
 * its own failures and delays.
 */
export async function clearAttempt(tx: Tx, subjects: ThrottleSubjects, attemptIds: bigint[]): Promise<void> {
  await tx.query(
    `DELETE FROM identity.login_failures
     WHERE (scope = 'account' AND subject = $1 AND client = $2) OR id = ANY($3::bigint[])`,
    [subjects.account, subjects.ip, attemptIds.map(String)],
  );
  await tx.query(
    `INSERT INTO identity.login_known_clients (account, client) VALUES ($1, $2)
     ON CONFLICT (account, client) DO UPDATE SET last_login_at = now()`,
    [subjects.account, subjects.ip],
  );
}

/** Deletes failures older than the window and clients not seen for knownClientMs, at most `limit` each per call. */
export async function pruneLoginFailures(tx: Tx, limit = 5000): Promise<number> {
  const failures = await tx.query(
    `DELETE FROM identity.login_failures WHERE id IN (
       SELECT id FROM identity.login_failures
       WHERE failed_at < now() - $1::bigint * interval '1 millisecond' LIMIT $2)`,
    [LOGIN_THROTTLE.windowMs, limit],
  );
  const clients = await tx.query(
    `DELETE FROM identity.login_known_clients WHERE (account, client) IN (
       SELECT account, client FROM identity.login_known_clients
       WHERE last_login_at < now() - $1::bigint * interval '1 millisecond' LIMIT $2)`,
    [LOGIN_THROTTLE.knownClientMs, limit],
  );
  return failures.rowCount + clients.rowCount;
}
