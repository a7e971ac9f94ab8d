import type { Db, Queryable } from '../db/index.js';
import type { Logger } from '../log.js';
import { keepListening } from '../outbox/index.js';

/** The channel migration 0510's triggers notify (the user's id) at commit of every change to what is cached here. */
export const IDENTITY_CHANNEL = 'vendra_identity';

export interface IdentityCacheOptions {
  /** Most entries held; the oldest is evicted first. Default 50,000. */
  maxEntries?: number;
  /** A second line only: an entry older than this is read again. Default 30 s. */
  ttlMs?: number;
  /** How often the LISTEN connection is checked with a ping. Default 5 s. */
  listenCheckIntervalMs?: number;
  /**
   * Whether a change made by this process reaches the cache directly, ahead
   * of its notice (default true). false: only through notices, as a cache in
   * another process learns of it (tests use this to check the notices).
   */
  inProcess?: boolean;
}

/** Where a read started, so that a change noticed while it ran keeps its result out of the cache. */
export type Ticket = number;

/**
 * Facts about callers (sessions, API keys, users' status and name), per
 * process. Correct because every change to them sends a NOTIFY naming the
 * user in the same transaction (0510's triggers), which drops the user's
 * entries here; the TTL is only a second line. While the LISTEN connection is
 * down or reconnecting, nothing is served from or stored in the cache: a
 * notice could be missed.
 */
export interface IdentityCache {
  /** Whether the cache is in use (listening). */
  readonly listening: boolean;
  readonly size: number;
  /** The cached value, or undefined (absent, too old, its user changing, or not listening). */
  get<T>(key: string): T | undefined;
  /** Call before reading what will be stored; undefined when nothing may be stored now. */
  ticket(): Ticket | undefined;
  /** Stores what a read begun at ticket found, unless the user changed meanwhile. */
  set(ticket: Ticket | undefined, key: string, userId: string, value: unknown): void;
  /** Drops the user's entries (a change notice). */
  invalidateUser(userId: string): void;
  /** A change to the user is under way in this process: bypass their entries until its notice arrives. */
  unsettle(userId: string): void;
  clear(): void;
  close(): Promise<void>;
}

/** How many recent notices a ticket can be checked against; an older ticket stores nothing. */
const RECENT_NOTICES = 1024;
/** Longest an in-process change keeps its user out of the cache when no notice arrives (rolled back). */
const UNSETTLED_MS = 30_000;

interface Entry {
  userId: string;
  value: unknown;
  storedAt: number;
}

/** The bounded map and its bookkeeping, without the listener (unit-testable on its own). */
export function createCacheStore(options: IdentityCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 50_000;
  const ttlMs = options.ttlMs ?? 30_000;
  const entries = new Map<string, Entry>();
  const byUser = new Map<string, Set<string>>();
  const unsettled = new Map<string, number>();
  // notices[n % RECENT_NOTICES] is the user of notice n; a clear counts as a notice for everyone.
  const notices: (string | undefined)[] = new Array(RECENT_NOTICES);
  let epoch = 0;
  let clearedAt = 0;
  let listening = false;

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const keys = byUser.get(entry.userId);
    keys?.delete(key);
    if (keys?.size === 0) byUser.delete(entry.userId);
  };
  const isUnsettled = (userId: string) => {
    const until = unsettled.get(userId);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    unsettled.delete(userId);
    return false;
  };
  const changedSince = (ticket: Ticket, userId: string) => {
    if (ticket < clearedAt || epoch - ticket >= RECENT_NOTICES) return true;
    for (let n = ticket + 1; n <= epoch; n++) if (notices[n % RECENT_NOTICES] === userId) return true;
    return false;
  };
  const notice = (userId: string | undefined) => {
    epoch++;
    notices[epoch % RECENT_NOTICES] = userId;
    if (userId === undefined) clearedAt = epoch;
  };

  return {
    get listening() {
      return listening;
    },
    get size() {
      return entries.size;
    },
    setListening(value: boolean) {
      listening = value;
    },
    get<T>(key: string): T | undefined {
      if (!listening) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (Date.now() - entry.storedAt >= ttlMs || isUnsettled(entry.userId)) {
        remove(key);
        return undefined;
      }
      return entry.value as T;
    },
    ticket: (): Ticket | undefined => (listening ? epoch : undefined),
    set(ticket: Ticket | undefined, key: string, userId: string, value: unknown) {
      if (ticket === undefined || !listening || changedSince(ticket, userId) || isUnsettled(userId)) return;
      remove(key);
      while (entries.size >= maxEntries) remove(entries.keys().next().value as string);
      entries.set(key, { userId, value, storedAt: Date.now() });
      const keys = byUser.get(userId) ?? new Set<string>();
      keys.add(key);
      byUser.set(userId, keys);
    },
    invalidateUser(userId: string) {
      notice(userId);
      unsettled.delete(userId);
      for (const key of byUser.get(userId) ?? []) entries.delete(key);
      byUser.delete(userId);
    },
    unsettle(userId: string) {
      if (unsettled.size >= maxEntries) {
        for (const [id] of unsettled) isUnsettled(id); // drops lapsed marks
        // Still full: the oldest mark goes (its notice still drops the user's entries when it arrives).
        if (unsettled.size >= maxEntries) unsettled.delete(unsettled.keys().next().value as string);
      }
      unsettled.delete(userId);
      unsettled.set(userId, Date.now() + UNSETTLED_MS);
      notice(userId);
      for (const key of byUser.get(userId) ?? []) entries.delete(key);
      byUser.delete(userId);
    },
    clear() {
      notice(undefined);
      entries.clear();
      byUser.clear();
    },
  };
}

/** The caches of this process, so a change made here reaches them before its notice does. */
const local = new Set<IdentityCache>();

/**
 * A change to the user is about to commit in this process (call it inside the
 * transaction): this process's caches bypass the user's entries until the
 * change's notice arrives, so the next request here sees it at once. Other
 * processes learn of it from the notice.
 */
export function noteIdentityChange(userId: string): void {
  for (const cache of local) cache.unsettle(userId);
}

/** Each database's cache in this process (a test process opens many databases). */
const byDb = new WeakMap<Queryable, IdentityCache>();

/** The cache started for this database, if any; lookups without one read the database. */
export function identityCacheOf(db: Queryable): IdentityCache | undefined {
  return byDb.get(db);
}

/** Stops the cache started for this database (closing the context). */
export async function stopIdentityCache(db: Queryable): Promise<void> {
  await byDb.get(db)?.close();
}

/**
 * Starts the cache for this database and its LISTEN connection; it is in use
 * once listening. Lookups given this db object (not a transaction) go through
 * it. A cache already started for the db is stopped first.
 */
export async function startIdentityCache(
  db: Db,
  log: Logger,
  options: IdentityCacheOptions = {},
): Promise<IdentityCache> {
  await stopIdentityCache(db);
  const store = createCacheStore(options);
  const down = () => {
    store.setListening(false);
    store.clear();
    log.warn({ channel: IDENTITY_CHANNEL }, 'identity cache off until the LISTEN connection is back');
  };
  const stop = await keepListening(db, IDENTITY_CHANNEL, (userId) => store.invalidateUser(userId), {
    log,
    checkIntervalMs: options.listenCheckIntervalMs ?? 5_000,
    onLost: down,
    onReconnect: () => {
      // Notices sent while it was down are lost: start empty.
      store.clear();
      store.setListening(true);
    },
  });
  store.setListening(true);
  const cache: IdentityCache = {
    get listening() {
      return store.listening;
    },
    get size() {
      return store.size;
    },
    get: store.get,
    ticket: store.ticket,
    set: store.set,
    invalidateUser: store.invalidateUser,
    unsettle: store.unsettle,
    clear: store.clear,
    async close() {
      local.delete(cache);
      if (byDb.get(db) === cache) byDb.delete(db);
      store.setListening(false);
      store.clear();
      await stop();
    },
  };
  if (options.inProcess ?? true) local.add(cache);
  byDb.set(db, cache);
  return cache;
}

/**
 * The value under key from db's cache, else load() (stored when it found
 * something). Without a cache, always load().
 */
export async function throughCache<T>(
  db: Queryable,
  key: string,
  load: () => Promise<T | undefined>,
  userIdOf: (value: T) => string,
): Promise<T | undefined> {
  const cache = byDb.get(db);
  if (!cache) return load();
  const hit = cache.get<T>(key);
  if (hit !== undefined) return hit;
  const ticket = cache.ticket();
  const value = await load();
  if (value !== undefined) cache.set(ticket, key, userIdOf(value), value);
  return value;
}
