import { randomInt } from 'node:crypto';
import type { Tx } from '../db/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { publish } from '../outbox/index.js';
import { revokeUserSessions } from './sessions.js';
import { noteIdentityChange } from './cache.js';
import { endStreams } from './stream-end.js';
import type { Role, User, UserStatus } from './types.js';
import { emailKey, isUuid } from './validation.js';

export interface UserRow {
  id: string;
  seq: bigint;
  email: string;
  phone: string | null;
  full_name: string;
  password_hash: string;
  role: Role;
  status: UserStatus;
  referral_code: string;
  referred_by: string | null;
  created_at: Date;
  updated_at: Date;
  email_verified_at: Date | null;
  phone_verified_at: Date | null;
  has_pin: boolean;
}

export const USER_COLUMNS =
  'id, seq, email, phone, full_name, password_hash, role, status, referral_code, referred_by, created_at, updated_at, email_verified_at, phone_verified_at, ' +
  'EXISTS (SELECT 1 FROM identity.pins WHERE pins.user_id = users.id) AS has_pin';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    phone: row.phone,
    fullName: row.full_name,
    role: row.role,
    status: row.status,
    referralCode: row.referral_code,
    referredBy: row.referred_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    emailVerified: row.email_verified_at !== null,
    phoneVerified: row.phone_verified_at !== null,
    hasPin: row.has_pin,
  };
}

/** Crockford-style alphabet without look-alikes (no I, L, O, U). */
const REFERRAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 10-character referral code: 50 random bits, so collisions are negligible. */
export function newReferralCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += REFERRAL_ALPHABET[randomInt(REFERRAL_ALPHABET.length)];
  return code;
}

/** Internal: the full row, including the password hash, by a column. */
export async function findUserRow(
  tx: Tx,
  by: 'id' | 'email' | 'phone' | 'referral_code',
  value: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRow | undefined> {
  if (by === 'id' && !isUuid(value)) return undefined;
  const { rows } = await tx.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM identity.users WHERE ${by} = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [value],
  );
  return rows[0];
}

/** A user by id, or undefined (also for a malformed id). */
export async function getUser(tx: Tx, id: string): Promise<User | undefined> {
  const row = await findUserRow(tx, 'id', id);
  return row && toUser(row);
}

/** Several users by id, in one query (at most 1000). */
export async function getUsers(tx: Tx, ids: readonly string[]): Promise<Map<string, User>> {
  if (ids.length === 0) return new Map();
  if (ids.length > 1000) throw new RangeError('getUsers: at most 1000 ids');
  const { rows } = await tx.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM identity.users WHERE id = ANY ($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, toUser(r)]));
}

/** A user by email, case-insensitively. */
export async function findUserByEmail(tx: Tx, email: string): Promise<User | undefined> {
  const row = await findUserRow(tx, 'email', emailKey(email));
  return row && toUser(row);
}

/** A user by phone; pass it in E.164 (normalise user input with normalizePhone first). */
export async function findUserByPhone(tx: Tx, phone: string): Promise<User | undefined> {
  const row = await findUserRow(tx, 'phone', phone);
  return row && toUser(row);
}

export interface UserPage {
  data: User[];
  nextCursor: string | null;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Users whose email, name or phone contains q (or whose id is q), newest
 * first; an empty q lists everyone. limit is capped at 100; pass the
 * previous page's nextCursor to continue.
 */
export async function searchUsers(
  tx: Tx,
  q: string,
  options: { limit?: number; cursor?: string; staffOnly?: boolean } = {},
): Promise<UserPage> {
  const limit = pageSize(options.limit, 20);
  let before: string | null = null;
  if (options.cursor !== undefined) {
    [before = null] = decodeCursorAs(options.cursor, ['seq']);
  }
  const term = q.trim().slice(0, 100);
  const pattern = `%${escapeLike(term.toLowerCase())}%`;
  const { rows } = await tx.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM identity.users
     WHERE ($1::bigint IS NULL OR seq < $1::bigint)
       AND ($2 = '' OR email LIKE $3 OR lower(full_name) LIKE $3 OR phone LIKE $3 OR id::text = $2)
       AND (NOT $5::boolean OR role <> 'customer')
     ORDER BY seq DESC
     LIMIT $4`,
    [before, term, pattern, limit + 1, options.staffOnly === true],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(toUser),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
  };
}

export interface Change {
  before: User;
  after: User;
  changed: boolean;
}

/**
 * Freezes or unfreezes a user. Freezing ends every session (refresh tokens
 * stop working, access tokens are refused) and a frozen user cannot log in.
 * Publishes user.status_changed when the status changed. undefined when there
 * is no such user.
 */
export async function setUserStatus(tx: Tx, id: string, status: UserStatus): Promise<Change | undefined> {
  const row = await findUserRow(tx, 'id', id, { forUpdate: true });
  if (!row) return undefined;
  const before = toUser(row);
  if (row.status === status) return { before, after: before, changed: false };
  noteIdentityChange(id);
  const { rows } = await tx.query<UserRow>(
    `UPDATE identity.users SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, status],
  );
  if (status === 'frozen') {
    await revokeUserSessions(tx, id, 'frozen');
    // API-key streams too: a frozen user receives nothing more.
    await endStreams(tx, id, { every: 'stream' });
  }
  await publish(tx, { type: 'user.status_changed', key: id, userId: id, payload: { userId: id, status } });
  return { before, after: toUser(rows[0]!), changed: true };
}

/** Sets a user's role. undefined when there is no such user. */
export async function setUserRole(tx: Tx, id: string, role: Role): Promise<Change | undefined> {
  const row = await findUserRow(tx, 'id', id, { forUpdate: true });
  if (!row) return undefined;
  const before = toUser(row);
  if (row.role === role) return { before, after: before, changed: false };
  noteIdentityChange(id);
  const { rows } = await tx.query<UserRow>(
    `UPDATE identity.users SET role = $2, updated_at = now() WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, role],
  );
  return { before, after: toUser(rows[0]!), changed: true };
}
