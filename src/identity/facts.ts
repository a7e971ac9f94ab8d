import type { Queryable } from '../db/index.js';
import {
  API_KEY_TOUCH_INTERVAL_MS,
  type ApiKeyPrincipal,
  findApiKey,
  findApiKeyById,
  touchApiKey,
} from './api-keys.js';
import { identityCacheOf, throughCache } from './cache.js';
import { readSession, type SessionFacts } from './sessions.js';
import { sha256Hex } from './tokens.js';
import type { User } from './types.js';
import { getUsers } from './users.js';

/** A session and its user, from the cache or the database; undefined when there is no such session. */
export function sessionFacts(db: Queryable, sessionId: string): Promise<SessionFacts | undefined> {
  return throughCache(
    db,
    `session:${sessionId}`,
    () => readSession(db, sessionId),
    (s) => s.userId,
  );
}

/** A cached key, with when its last_used_at was last brought up to date by this process. */
interface KeyEntry {
  principal: ApiKeyPrincipal;
  touchedAt: number;
}

async function touched(db: Queryable, entry: KeyEntry | undefined): Promise<ApiKeyPrincipal | undefined> {
  if (!entry) return undefined;
  const now = Date.now();
  if (now - entry.touchedAt >= API_KEY_TOUCH_INTERVAL_MS) {
    entry.touchedAt = now;
    await touchApiKey(db, entry.principal.apiKeyId);
  }
  return entry.principal;
}

const keyEntry = async (load: Promise<ApiKeyPrincipal | undefined>): Promise<KeyEntry | undefined> => {
  const principal = await load;
  return principal && { principal, touchedAt: 0 };
};

/**
 * The owner of an unrevoked key (check expiresAt), or undefined. Keyed by the
 * key's sha256, never the key itself. Its last_used_at is updated at most
 * once a minute per key and process.
 */
export async function apiKeyFacts(db: Queryable, key: string): Promise<ApiKeyPrincipal | undefined> {
  const entry = await throughCache(
    db,
    `api_key:${sha256Hex(key)}`,
    () => keyEntry(findApiKey(db, key)),
    (e) => e.principal.userId,
  );
  return touched(db, entry);
}

/** The owner of an unrevoked key by its id (a stream token names its key); check expiresAt. */
export function apiKeyFactsById(db: Queryable, id: string): Promise<ApiKeyPrincipal | undefined> {
  return throughCache(
    db,
    `api_key_id:${id}`,
    () => findApiKeyById(db, id),
    (p) => p.userId,
  );
}

/** What a transfer shows and checks of a person. */
export type UserFacts = Pick<User, 'id' | 'fullName' | 'status'>;

/**
 * Several users' status and name by id (at most 1000), from the cache where
 * it has them and one query for the rest. A freeze or a name change drops the
 * user's entry (its notice), so a frozen person is seen as frozen at once.
 */
export async function getUserFacts(db: Queryable, ids: readonly string[]): Promise<Map<string, UserFacts>> {
  const cache = identityCacheOf(db);
  const found = new Map<string, UserFacts>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache?.get<UserFacts>(`user:${id}`);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const ticket = cache?.ticket();
  for (const [id, user] of await getUsers(db, missing)) {
    const facts: UserFacts = { id: user.id, fullName: user.fullName, status: user.status };
    found.set(id, facts);
    cache?.set(ticket, `user:${id}`, id, facts);
  }
  return found;
}
