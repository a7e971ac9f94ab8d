import type { Queryable } from '../db/index.js';
import { type Account, getAccounts } from '../ledger/index.js';

/** What never changes about an account once it exists: the cache holds only this (never status or balance). */
export type AccountFacts = Pick<Account, 'id' | 'type' | 'ownerId' | 'currency'>;

/** Most accounts remembered per database; the oldest is forgotten first. */
export const MAX_CACHED_ACCOUNTS = 50_000;

/** Per database (a test process opens many), so that no two databases share an entry. */
const caches = new WeakMap<Queryable, Map<string, AccountFacts>>();

function cacheOf(db: Queryable): Map<string, AccountFacts> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Accounts' id, type, owner and currency by id (lower-case keys; unknown ids
 * absent), read through the ledger once per process and then remembered: no
 * TTL or invalidation is needed because none of these ever changes. An
 * unknown id is not remembered (the account may be created later). Status
 * and balance are not here: the ledger decides those when it posts.
 */
export async function getAccountFacts(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, AccountFacts>> {
  const cache = cacheOf(db);
  const found = new Map<string, AccountFacts>();
  const missing: string[] = [];
  for (const id of ids) {
    const key = id.toLowerCase();
    const hit = cache.get(key);
    if (hit) found.set(key, hit);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  for (const [key, account] of await getAccounts(db, missing)) {
    const facts: AccountFacts = {
      id: account.id,
      type: account.type,
      ownerId: account.ownerId,
      currency: account.currency,
    };
    if (cache.size >= MAX_CACHED_ACCOUNTS) cache.delete(cache.keys().next().value as string);
    cache.set(key, facts);
    found.set(key, facts);
  }
  return found;
}

/** One account's facts (see getAccountFacts), or undefined. */
export async function getAccountFact(db: Queryable, id: string): Promise<AccountFacts | undefined> {
  return (await getAccountFacts(db, [id])).get(id.toLowerCase());
}
