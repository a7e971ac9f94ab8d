/**
 * The bills-due cache: a linked account's bills as the provider last reported them, with a TTL.
 * In Redis when REDIS_URL is set (shared by every process), in memory otherwise. When Redis
 * cannot answer, the cache falls back to this process's memory (and the caller to the database),
 * logs it (at most every 30 seconds) and counts it in vendra_bill_cache_fallbacks_total: the API
 * keeps answering.
 */
import { Redis } from 'ioredis';
import client from 'prom-client';
import type { AppContext } from '../context.js';

export interface CachedBill {
  reference: string;
  /** Minor units, as a decimal string (JSON has no bigint). */
  amountDue: string;
  currency: string;
  dueDate: string;
  period: string | null;
}

export interface CachedBills {
  fetchedAt: string;
  bills: CachedBill[];
}

export interface BillCache {
  readonly backend: 'redis' | 'memory';
  get(accountId: string): Promise<CachedBills | undefined>;
  set(accountId: string, value: CachedBills, ttlMs: number): Promise<void>;
  drop(accountIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export const BILL_CACHE_PREFIX = 'vendra:bills-due:';
const MEMORY_CAP = 50_000;
const REDIS_COMMAND_TIMEOUT_MS = 250;
const REDIS_CONNECT_TIMEOUT_MS = 1000;
const WARN_INTERVAL_MS = 30_000;

function once<T extends client.Metric>(name: string, make: () => T): T {
  return (client.register.getSingleMetric(name) as T | undefined) ?? make();
}

export const billCacheFallbacks = once(
  'vendra_bill_cache_fallbacks_total',
  () =>
    new client.Counter({
      name: 'vendra_bill_cache_fallbacks_total',
      help: 'Bills-due cache operations Redis could not serve (answered from memory and the database)',
      labelNames: ['op'] as const,
    }),
);

export const billCacheReads = once(
  'vendra_bill_cache_reads_total',
  () =>
    new client.Counter({
      name: 'vendra_bill_cache_reads_total',
      help: 'Bills-due cache reads by result',
      labelNames: ['backend', 'result'] as const,
    }),
);

export function memoryBillCache(): BillCache {
  const entries = new Map<string, { value: CachedBills; expires: number }>();
  return {
    backend: 'memory',
    async get(id) {
      const e = entries.get(id);
      if (!e) return undefined;
      if (e.expires <= Date.now()) {
        entries.delete(id);
        return undefined;
      }
      return e.value;
    },
    async set(id, value, ttlMs) {
      entries.delete(id);
      if (entries.size >= MEMORY_CAP) entries.delete(entries.keys().next().value as string);
      entries.set(id, { value, expires: Date.now() + ttlMs });
    },
    async drop(ids) {
      for (const id of ids) entries.delete(id);
    },
    async close() {},
  };
}

export function redisBillCache(url: string, log: AppContext['log']): BillCache {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  });
  const memory = memoryBillCache();
  let warnedAt = 0;
  const fallback = (op: string, error: unknown) => {
    billCacheFallbacks.inc({ op });
    if (Date.now() - warnedAt >= WARN_INTERVAL_MS) {
      warnedAt = Date.now();
      log.warn(
        { err: error instanceof Error ? error.message : String(error), op },
        'bills cache (Redis) unavailable; falling back to memory and the database',
      );
    }
  };
  redis.on('error', () => {}); // each failed command is counted and logged where it fails
  return {
    backend: 'redis',
    async get(id) {
      try {
        const raw = await redis.get(BILL_CACHE_PREFIX + id);
        return raw === null ? undefined : (JSON.parse(raw) as CachedBills);
      } catch (error) {
        fallback('get', error);
        return memory.get(id);
      }
    },
    async set(id, value, ttlMs) {
      try {
        await redis.set(BILL_CACHE_PREFIX + id, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
      } catch (error) {
        fallback('set', error);
        await memory.set(id, value, ttlMs);
      }
    },
    async drop(ids) {
      await memory.drop(ids);
      if (ids.length === 0) return;
      try {
        await redis.del(...ids.map((id) => BILL_CACHE_PREFIX + id));
      } catch (error) {
        fallback('drop', error);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}

const caches = new WeakMap<AppContext, BillCache>();

/** The process's bills cache for this context (one Redis connection), made on first use. */
export function billCacheOf(ctx: AppContext): BillCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = ctx.config.redisUrl ? redisBillCache(ctx.config.redisUrl, ctx.log) : memoryBillCache();
    caches.set(ctx, cache);
  }
  return cache;
}

/** Closes the context's bills cache, if one was made. */
export async function closeBillCache(ctx: AppContext): Promise<void> {
  const cache = caches.get(ctx);
  caches.delete(ctx);
  await cache?.close();
}
