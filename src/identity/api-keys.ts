import { randomBytes } from 'node:crypto';
import type { Queryable, Tx } from '../db/index.js';
import { noteIdentityChange } from './cache.js';
import { endStreams } from './stream-end.js';
import { sha256Hex } from './tokens.js';
import type { Role } from './types.js';
import { AppError } from '../errors/index.js';

export const API_KEY_PREFIX = 'vk_live_';
const API_KEY_FORMAT = /^vk_live_[A-Za-z0-9_-]{43}$/;
export const MAX_ACTIVE_API_KEYS_PER_USER = 20;
export const MAX_API_KEY_TTL_DAYS = 730;
export const DEFAULT_API_KEY_TTL_DAYS = 365;
const SCOPE = /^(\*|[a-z][a-z0-9_]*(:(\*|[a-z][a-z0-9_]*))?)$/;

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the key, to recognise it in a list. */
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at';

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/**
 * Creates an API key for a user. The key itself (vk_live_ + 32 random bytes)
 * is returned once and only its sha256 is stored. 400 invalid_scope,
 * 409 too_many_api_keys.
 */
export async function createApiKey(
  tx: Tx,
  userId: string,
  input: { name: string; scopes: string[]; expiresInDays?: number },
): Promise<{ apiKey: ApiKey; key: string }> {
  const scopes = [...new Set(input.scopes)];
  const bad = scopes.find((s) => s.length > 64 || !SCOPE.test(s));
  if (bad !== undefined || scopes.length === 0 || scopes.length > 32) {
    throw new AppError('invalid_scope', 'Scopes look like "wallets:read" or "*"; 1 to 32 of them');
  }
  const days = input.expiresInDays ?? DEFAULT_API_KEY_TTL_DAYS;
  await tx.query('SELECT 1 FROM identity.users WHERE id = $1 FOR UPDATE', [userId]); // serialises the count below
  const { rows: counted } = await tx.query<{ n: bigint }>(
    `SELECT count(*) AS n FROM identity.api_keys WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [userId],
  );
  if (counted[0]!.n >= BigInt(MAX_ACTIVE_API_KEYS_PER_USER)) {
    throw new AppError(
      'too_many_api_keys',
      `A user may have at most ${MAX_ACTIVE_API_KEYS_PER_USER} active API keys`,
    );
  }
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const { rows } = await tx.query<ApiKeyRow>(
    `INSERT INTO identity.api_keys (user_id, name, prefix, key_hash, scopes, expires_at)
     VALUES ($1, $2, $3, $4, $5::text[], now() + $6::int * interval '1 day') RETURNING ${COLUMNS}`,
    [userId, input.name.trim(), key.slice(0, API_KEY_PREFIX.length + 6), sha256Hex(key), scopes, days],
  );
  return { apiKey: toApiKey(rows[0]!), key };
}

/** A user's API keys, newest first (revoked ones included), at most 100. */
export async function listApiKeys(tx: Tx, userId: string): Promise<ApiKey[]> {
  const { rows } = await tx.query<ApiKeyRow>(
    `SELECT ${COLUMNS} FROM identity.api_keys WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100`,
    [userId],
  );
  return rows.map(toApiKey);
}

/** The key's owner, for authorisation checks before revoking. */
export async function apiKeyOwner(tx: Tx, id: string): Promise<string | undefined> {
  const { rows } = await tx.query<{ user_id: string }>(
    'SELECT user_id FROM identity.api_keys WHERE id = $1',
    [id],
  );
  return rows[0]?.user_id;
}

/** Revokes a key; returns the key as it was before, or undefined when there is none or it was already revoked. */
export async function revokeApiKey(tx: Tx, id: string): Promise<ApiKey | undefined> {
  const { rows } = await tx.query<ApiKeyRow & { user_id: string }>(
    `UPDATE identity.api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
     RETURNING ${COLUMNS}, user_id`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  noteIdentityChange(row.user_id);
  await endStreams(tx, row.user_id, { apiKeyId: id });
  return toApiKey({ ...row, revoked_at: null });
}

/** Revokes every active key of a user (they lost the role that allowed keys); returns how many. */
export async function revokeUserApiKeys(tx: Tx, userId: string): Promise<number> {
  const { rowCount } = await tx.query(
    'UPDATE identity.api_keys SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
    [userId],
  );
  if (rowCount > 0) {
    noteIdentityChange(userId);
    await endStreams(tx, userId, { every: 'api_key' });
  }
  return rowCount;
}

export interface ApiKeyPrincipal {
  apiKeyId: string;
  userId: string;
  role: Role;
  status: string;
  scopes: string[];
  /** When the key stops working (ms since the epoch): checked against the clock on every use. */
  expiresAt: number;
}

/** The owner and scopes of an unrevoked key, by its hash or id; the caller checks expiresAt. */
async function findPrincipal(
  db: Queryable,
  by: 'key_hash' | 'id',
  value: string,
): Promise<ApiKeyPrincipal | undefined> {
  const { rows } = await db.query<{
    id: string;
    user_id: string;
    role: Role;
    status: string;
    scopes: string[];
    expires_at: Date;
  }>(
    `SELECT k.id, k.user_id, u.role, u.status, k.scopes, k.expires_at
     FROM identity.api_keys k JOIN identity.users u ON u.id = k.user_id
     WHERE k.${by} = $1 AND k.revoked_at IS NULL`,
    [value],
  );
  const row = rows[0];
  return (
    row && {
      apiKeyId: row.id,
      userId: row.user_id,
      role: row.role,
      status: row.status,
      scopes: row.scopes,
      expiresAt: row.expires_at.getTime(),
    }
  );
}

/** The owner and scopes of an unrevoked key by its id (a stream token names its key); check expiresAt. */
export function findApiKeyById(db: Queryable, id: string): Promise<ApiKeyPrincipal | undefined> {
  return findPrincipal(db, 'id', id);
}

/**
 * The owner and scopes of an unrevoked key by the presented key, or undefined
 * (malformed, unknown, revoked); check expiresAt. The lookup is by sha256 of
 * the key, so a timing attack learns nothing useful about stored keys.
 */
export function findApiKey(db: Queryable, key: string): Promise<ApiKeyPrincipal | undefined> {
  if (!API_KEY_FORMAT.test(key)) return Promise.resolve(undefined);
  return findPrincipal(db, 'key_hash', sha256Hex(key));
}

/** How often a key's last_used_at is brought up to date. */
export const API_KEY_TOUCH_INTERVAL_MS = 60_000;

/** Records that the key was used, at most once a minute per key. */
export async function touchApiKey(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE identity.api_keys SET last_used_at = now()
     WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [id],
  );
}
